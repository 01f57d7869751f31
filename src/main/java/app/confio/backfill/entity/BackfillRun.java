package app.confio.backfill.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One backfill run and how far it got. Users are replayed in ascending id order, from {@code
 * firstUserId} to {@code lastUserId} (the highest id when the run started: newer users are tracked
 * live); {@code doneUserId} is the last id whose chunk has committed, so a resumed run starts just
 * after it. The counters are changed only by bulk updates, in the transaction of the chunk they
 * count.
 */
@Entity
@Table(name = "backfill_run")
@NamedQuery(name = BackfillRun.LATEST, query = "select r from BackfillRun r order by r.id desc")
@NamedQuery(
    name = BackfillRun.UNFINISHED,
    query =
        "select r from BackfillRun r where r.status in ("
            + "app.confio.backfill.entity.RunStatus.RUNNING,"
            + " app.confio.backfill.entity.RunStatus.FAILED) order by r.id desc")
public class BackfillRun {

  public static final String LATEST = "BackfillRun.latest";
  public static final String UNFINISHED = "BackfillRun.unfinished";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  private Trigger trigger;

  @Enumerated(EnumType.STRING)
  private RunStatus status;

  private int days;
  private OffsetDateTime since;

  @Column(name = "first_user_id")
  private long firstUserId;

  @Column(name = "last_user_id")
  private long lastUserId;

  @Column(name = "done_user_id")
  private long doneUserId;

  @Column(name = "users_updated")
  private long usersUpdated;

  @Column(name = "days_written")
  private long daysWritten;

  private int chunks;
  private int resumes;

  @Column(name = "started_at")
  private OffsetDateTime startedAt;

  @Column(name = "session_at")
  private OffsetDateTime sessionAt;

  @Column(name = "session_from")
  private long sessionFrom;

  @Column(name = "updated_at")
  private OffsetDateTime updatedAt;

  @Column(name = "finished_at")
  private OffsetDateTime finishedAt;

  private String error;

  protected BackfillRun() {}

  /** A new run over users {@code firstUserId..lastUserId} (none when first > last). */
  public BackfillRun(
      Trigger trigger, int days, OffsetDateTime at, long firstUserId, long lastUserId) {
    var now = at.truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps: the same after a resume
    this.trigger = Objects.requireNonNull(trigger, "A trigger is required");
    this.status = RunStatus.RUNNING;
    this.days = days;
    this.since = now.minusDays(days);
    this.firstUserId = firstUserId;
    this.lastUserId = lastUserId;
    this.doneUserId = firstUserId - 1;
    this.startedAt = now;
    this.sessionAt = now;
    this.sessionFrom = doneUserId;
    this.updatedAt = now;
  }

  /** Whether this run replays at least as far back as a new run of {@code days} would at now. */
  public boolean reachesBack(int days, OffsetDateTime now) {
    return !since.isAfter(now.minusDays(days));
  }

  /** Continues after an interruption or a failure, from the last committed chunk. */
  public void resume(OffsetDateTime now) {
    status = RunStatus.RUNNING;
    resumes++;
    sessionAt = now;
    sessionFrom = doneUserId;
    updatedAt = now;
    error = null;
  }

  public void supersede(OffsetDateTime now) {
    status = RunStatus.SUPERSEDED;
    updatedAt = now;
  }

  public boolean complete() {
    return doneUserId >= lastUserId;
  }

  public Long id() {
    return id;
  }

  public Trigger trigger() {
    return trigger;
  }

  public RunStatus status() {
    return status;
  }

  public int days() {
    return days;
  }

  public OffsetDateTime since() {
    return since;
  }

  public long firstUserId() {
    return firstUserId;
  }

  public long lastUserId() {
    return lastUserId;
  }

  public long doneUserId() {
    return doneUserId;
  }

  public long usersUpdated() {
    return usersUpdated;
  }

  public long daysWritten() {
    return daysWritten;
  }

  public int chunks() {
    return chunks;
  }

  public int resumes() {
    return resumes;
  }

  public OffsetDateTime startedAt() {
    return startedAt;
  }

  public OffsetDateTime sessionAt() {
    return sessionAt;
  }

  public long sessionFrom() {
    return sessionFrom;
  }

  public OffsetDateTime finishedAt() {
    return finishedAt;
  }

  public String error() {
    return error;
  }
}
