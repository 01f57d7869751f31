package app.confio.growth.control;

import app.confio.activity.entity.Policy;
import app.confio.platform.Migrations;
import app.confio.users.entity.Eligibility;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.roaringbitmap.RoaringBitmap;

/**
 * The users active on each reporting day, as compressed sets of user ids (RoaringBitmap), read by
 * the growth reports ({@link ActiveDays}).
 *
 * <p>A past day's sets — its users under both policies, and the users first seen on it — are
 * derived once from {@code user_activity_day} and kept in {@code activity_day_sets} (migration V12)
 * and in each member's memory ({@code confio.growth.sets.memory} MiB, least recently used out).
 * Each is tagged with the version its day had in {@code activity_day_changes}, which triggers move
 * in the same transaction as any change to a past day's rows (a backfill, a late write, a deletion,
 * anyone's SQL); a set whose day has moved on is built again from the rows. The first seen sets
 * depend on every earlier day too, so they are good while no day up to theirs has moved. The last
 * days (from the UTC day before yesterday on) are never kept: they are read from the rows on every
 * call, so today's writes cost the tracker nothing here.
 *
 * <p>Everything one report reads — versions, kept sets, recent rows, the ineligible users — comes
 * from one repeatable-read snapshot, so an answer is the history as of one moment. User ids are
 * kept as unsigned 32-bit numbers (up to 4,294,967,295); a larger one is refused loudly.
 */
@ApplicationScoped
public class DaySets {

  static final String CLOCK =
      "select cast(now() at time zone 'utc' as date) - 3, (select min(day) from user_activity_day)";
  static final String CHANGES =
      "select case when day = '-infinity' then null else day end, version"
          + " from activity_day_changes";
  static final String INELIGIBLE = "select id from users where not (" + Eligibility.SQL + ")";
  static final String ROWS =
      "select day, user_id, transacting from user_activity_day where day >= ? and day <= ?";
  static final String KEPT =
      "select day, version, active, transacting from activity_day_sets where day >= ? and day <= ?";
  static final String KEPT_FIRST =
      "select day, first_version, first_active, first_transacting from activity_day_sets"
          + " where day >= ? and day <= ? and first_version is not null";
  static final String KEEP =
      "insert into activity_day_sets (day, version, active, transacting) values (?, ?, ?, ?)"
          + " on conflict (day) do update set version = excluded.version,"
          + " active = excluded.active, transacting = excluded.transacting"
          + " where activity_day_sets.version < excluded.version";
  static final String KEEP_FIRST =
      "update activity_day_sets set first_version = ?, first_active = ?, first_transacting = ?"
          + " where day = ? and (first_version is null or first_version < ?)";

  /** Days read or built at once: a month's rows at a time. */
  static final int CHUNK_DAYS = 31;

  static final RoaringBitmap EMPTY = new RoaringBitmap();

  private static final Logger LOG = Logger.getLogger(DaySets.class.getName());

  @Resource(lookup = Migrations.DATASOURCE)
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "confio.growth.sets.memory", defaultValue = "256")
  int memoryMib;

  /** A day's sets as this member keeps them; either half may be missing. */
  private static final class Kept {
    long version = -1;
    RoaringBitmap[] active;
    long firstVersion = -1;
    RoaringBitmap[] first;

    long bytes() {
      long bytes = 64;
      for (var sets : new RoaringBitmap[][] {active, first}) {
        if (sets != null) {
          for (var set : sets) {
            bytes += set.getLongSizeInBytes();
          }
        }
      }
      return bytes;
    }
  }

  /** A day's kept sets, read and found good. */
  private interface KeptSets {
    void accept(LocalDate day, long version, RoaringBitmap[] sets);
  }

  /** Sets built by one read (index 0 app-active, 1 transacting), to be written for every member. */
  private record Built(LocalDate day, long version, RoaringBitmap[] sets) {}

  private final LinkedHashMap<LocalDate, Kept> memory = new LinkedHashMap<>(64, 0.75f, true);
  private long memoryBytes;

  /**
   * The days from {@code from} to {@code to} under {@code policy}, with the users seen before
   * {@code from}, as of one moment. Called outside a JTA transaction: it runs its own.
   */
  public ActiveDays read(Policy policy, LocalDate from, LocalDate to) {
    return load(from, to, true)[policy == Policy.TRANSACTING ? 1 : 0];
  }

  /**
   * The days from {@code from} to {@code to} under both policies (app-active first) from one
   * snapshot, without the users seen before them ({@link ActiveDays#seenBefore} refuses): for
   * counts within the range, which need no earlier history.
   */
  public ActiveDays[] days(LocalDate from, LocalDate to) {
    return load(from, to, false);
  }

  private ActiveDays[] load(LocalDate from, LocalDate to, boolean seenBefore) {
    var built = new ArrayList<Built>();
    var firstBuilt = new ArrayList<Built>();
    View[] views;
    try (var connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setReadOnly(true);
      try {
        views = new Snapshot(connection, built, firstBuilt).views(from, to, seenBefore);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setReadOnly(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading the day sets failed: " + e.getMessage(), e);
    }
    keep(built, firstBuilt);
    return views;
  }

  /** One report's reads, inside one snapshot. */
  private final class Snapshot {
    final Connection connection;
    final List<Built> built;
    final List<Built> firstBuilt;
    final LocalDate lastKept;
    final LocalDate start;
    final long everything;
    final TreeMap<LocalDate, Long> changes = new TreeMap<>();

    Snapshot(Connection connection, List<Built> built, List<Built> firstBuilt) throws SQLException {
      this.connection = connection;
      this.built = built;
      this.firstBuilt = firstBuilt;
      try (var statement = connection.prepareStatement(CLOCK);
          var result = statement.executeQuery()) {
        result.next();
        lastKept = result.getObject(1, LocalDate.class);
        start = result.getObject(2, LocalDate.class);
      }
      long all = 0;
      try (var statement = connection.prepareStatement(CHANGES);
          var result = statement.executeQuery()) {
        while (result.next()) {
          var day = result.getObject(1, LocalDate.class);
          if (day == null) {
            all = result.getLong(2);
          } else {
            changes.put(day, result.getLong(2));
          }
        }
      }
      everything = all;
    }

    /** The version a day's sets must have been built at: its last change. */
    long version(LocalDate day) {
      return Math.max(everything, changes.getOrDefault(day, 0L));
    }

    /** The version a day's first seen set must have been built at: the last change up to it. */
    long firstVersion(LocalDate day) {
      var upTo = changes.headMap(day, true).values().stream().mapToLong(v -> v).max();
      return Math.max(everything, upTo.orElse(0));
    }

    View[] views(LocalDate from, LocalDate to, boolean seenBefore) throws SQLException {
      var ineligible = ids(INELIGIBLE);
      var days =
          List.of(new HashMap<LocalDate, RoaringBitmap>(), new HashMap<LocalDate, RoaringBitmap>());
      var seen = new RoaringBitmap[] {new RoaringBitmap(), new RoaringBitmap()};
      if (start != null) {
        // The range's kept days, then the recent ones (and those before the range) from the rows.
        for (var entry : active(later(from, start), earlier(to, lastKept)).entrySet()) {
          for (var p = 0; p < 2; p++) {
            days.get(p).put(entry.getKey(), entry.getValue()[p]);
          }
        }
        var recent = later(start, lastKept.plusDays(1));
        for (var entry : rows(recent, to).entrySet()) {
          for (var p = 0; p < 2; p++) {
            if (entry.getKey().isBefore(from)) {
              seen[p].or(entry.getValue()[p]);
            } else {
              days.get(p).put(entry.getKey(), entry.getValue()[p]);
            }
          }
        }
        // Seen before the range: the first seen of every kept day before it.
        if (seenBefore) {
          for (var sets : first(start, earlier(from.minusDays(1), lastKept)).values()) {
            for (var p = 0; p < 2; p++) {
              seen[p].or(sets[p]);
            }
          }
        }
      }
      if (!seenBefore) {
        seen = new RoaringBitmap[] {null, null};
      }
      return new View[] {
        new View(from, days.get(0), seen[0], ineligible),
        new View(from, days.get(1), seen[1], ineligible)
      };
    }

    /** The kept days' users, {@code from} to {@code to}: remembered, read, or built. */
    TreeMap<LocalDate, RoaringBitmap[]> active(LocalDate from, LocalDate to) throws SQLException {
      var found = new TreeMap<LocalDate, RoaringBitmap[]>();
      var missing = new ArrayList<LocalDate>();
      for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
        var sets = rememberedActive(day, version(day));
        if (sets != null) {
          found.put(day, sets);
        } else {
          missing.add(day);
        }
      }
      kept(
          KEPT,
          missing,
          this::version,
          (day, version, sets) -> {
            rememberActive(day, version, sets);
            found.put(day, sets);
          });
      missing.removeIf(found::containsKey);
      for (var range : ranges(missing)) {
        for (var chunk = range[0]; !chunk.isAfter(range[1]); chunk = chunk.plusDays(CHUNK_DAYS)) {
          var end = earlier(chunk.plusDays(CHUNK_DAYS - 1), range[1]);
          var rows = rows(chunk, end);
          for (var day = chunk; !day.isAfter(end); day = day.plusDays(1)) {
            var sets = rows.getOrDefault(day, new RoaringBitmap[] {EMPTY, EMPTY});
            rememberActive(day, version(day), sets);
            found.put(day, sets);
            built.add(new Built(day, version(day), sets));
          }
        }
      }
      return found;
    }

    /**
     * The users first seen on each kept day, {@code from} (the history's first day) to {@code to}:
     * remembered or read while good; from the first day that is not, each day's users less those
     * seen before it.
     */
    TreeMap<LocalDate, RoaringBitmap[]> first(LocalDate from, LocalDate to) throws SQLException {
      var found = new TreeMap<LocalDate, RoaringBitmap[]>();
      if (to.isBefore(from)) {
        return found;
      }
      var wanted = new HashMap<LocalDate, Long>();
      var unread = new ArrayList<LocalDate>();
      var upTo = firstVersion(from.minusDays(1));
      for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
        upTo = Math.max(upTo, changes.getOrDefault(day, 0L));
        wanted.put(day, upTo);
        var sets = rememberedFirst(day, upTo);
        if (sets != null) {
          found.put(day, sets);
        } else {
          unread.add(day);
        }
      }
      kept(
          KEPT_FIRST,
          unread,
          wanted::get,
          (day, version, sets) -> {
            rememberFirst(day, version, sets);
            found.put(day, sets);
          });
      LocalDate stale = null;
      for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
        if (!found.containsKey(day)) {
          stale = day;
          break;
        }
      }
      if (stale == null) {
        return found;
      }
      var seen = new RoaringBitmap[] {new RoaringBitmap(), new RoaringBitmap()};
      for (var sets : found.headMap(stale, false).values()) {
        seen[0].or(sets[0]);
        seen[1].or(sets[1]);
      }
      for (var chunk = stale; !chunk.isAfter(to); chunk = chunk.plusDays(CHUNK_DAYS)) {
        for (var entry : active(chunk, earlier(chunk.plusDays(CHUNK_DAYS - 1), to)).entrySet()) {
          var active = entry.getValue();
          var sets =
              new RoaringBitmap[] {
                RoaringBitmap.andNot(active[0], seen[0]), RoaringBitmap.andNot(active[1], seen[1])
              };
          seen[0].or(active[0]);
          seen[1].or(active[1]);
          var version = wanted.get(entry.getKey());
          rememberFirst(entry.getKey(), version, sets);
          found.put(entry.getKey(), sets);
          firstBuilt.add(new Built(entry.getKey(), version, sets));
        }
      }
      return found;
    }

    /**
     * The kept rows ({@code sql}: day, version, both policies' sets) of {@code days}, each handed
     * to {@code good} when its version is at least the one {@code wanted} names for its day.
     */
    void kept(
        String sql,
        List<LocalDate> days,
        java.util.function.Function<LocalDate, Long> wanted,
        KeptSets good)
        throws SQLException {
      for (var range : ranges(days)) {
        try (var statement = connection.prepareStatement(sql)) {
          statement.setObject(1, range[0]);
          statement.setObject(2, range[1]);
          try (var result = statement.executeQuery()) {
            while (result.next()) {
              var day = result.getObject(1, LocalDate.class);
              var version = result.getLong(2);
              if (version >= wanted.apply(day)) {
                good.accept(
                    day,
                    version,
                    new RoaringBitmap[] {set(result.getBytes(3)), set(result.getBytes(4))});
              }
            }
          }
        }
      }
    }

    /** Both policies' users per day from the rows, {@code from} to {@code to}. */
    TreeMap<LocalDate, RoaringBitmap[]> rows(LocalDate from, LocalDate to) throws SQLException {
      var days = new TreeMap<LocalDate, RoaringBitmap[]>();
      if (to.isBefore(from)) {
        return days;
      }
      try (var statement = connection.prepareStatement(ROWS)) {
        statement.setFetchSize(50_000);
        statement.setObject(1, from);
        statement.setObject(2, to);
        try (var result = statement.executeQuery()) {
          LocalDate current = null;
          RoaringBitmap[] sets = null;
          while (result.next()) {
            var day = result.getObject(1, LocalDate.class);
            if (!day.equals(current)) {
              current = day;
              sets =
                  days.computeIfAbsent(
                      day, d -> new RoaringBitmap[] {new RoaringBitmap(), new RoaringBitmap()});
            }
            var id = id(result.getLong(2));
            sets[0].add(id);
            if (result.getBoolean(3)) {
              sets[1].add(id);
            }
          }
        }
      }
      for (var sets : days.values()) {
        sets[0].runOptimize();
        sets[1].runOptimize();
      }
      return days;
    }

    RoaringBitmap ids(String sql) throws SQLException {
      var ids = new RoaringBitmap();
      try (var statement = connection.prepareStatement(sql)) {
        statement.setFetchSize(50_000);
        try (var result = statement.executeQuery()) {
          while (result.next()) {
            ids.add(id(result.getLong(1)));
          }
        }
      }
      return ids;
    }
  }

  /** The answer of one {@link #read}: the range's day sets and the users seen before it. */
  private record View(
      LocalDate from,
      Map<LocalDate, RoaringBitmap> days,
      RoaringBitmap seenBeforeFrom,
      RoaringBitmap ineligible)
      implements ActiveDays {

    @Override
    public RoaringBitmap on(LocalDate day) {
      if (day.isBefore(from)) {
        throw new IllegalArgumentException(day + " is before the days read, from " + from);
      }
      return days.getOrDefault(day, EMPTY);
    }

    @Override
    public RoaringBitmap seenBefore(LocalDate day) {
      if (seenBeforeFrom == null) {
        throw new IllegalStateException("read without the users seen before " + from);
      }
      if (day.equals(from)) {
        return seenBeforeFrom;
      }
      var seen = seenBeforeFrom.clone();
      for (var d = from; d.isBefore(day); d = d.plusDays(1)) {
        seen.or(on(d));
      }
      return seen;
    }
  }

  /** Writes the sets built by one read, for every member; a newer one already there stays. */
  private void keep(List<Built> built, List<Built> firstBuilt) {
    if (built.isEmpty() && firstBuilt.isEmpty()) {
      return;
    }
    try (var connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (var keep = connection.prepareStatement(KEEP);
          var keepFirst = connection.prepareStatement(KEEP_FIRST)) {
        // Day sets first: a first seen set is written onto its day's row.
        batch(keep, built, false);
        batch(keepFirst, firstBuilt, true);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      // Kept in this member's memory all the same; written by whoever builds them next.
      LOG.warning("Keeping the growth reports' day sets failed: " + e.getMessage());
    }
  }

  private static void batch(PreparedStatement statement, List<Built> sets, boolean first)
      throws SQLException {
    var pending = 0;
    for (var built : sets) {
      if (first) {
        statement.setLong(1, built.version());
        statement.setBytes(2, bytes(built.sets()[0]));
        statement.setBytes(3, bytes(built.sets()[1]));
        statement.setObject(4, built.day());
        statement.setLong(5, built.version());
      } else {
        statement.setObject(1, built.day());
        statement.setLong(2, built.version());
        statement.setBytes(3, bytes(built.sets()[0]));
        statement.setBytes(4, bytes(built.sets()[1]));
      }
      statement.addBatch();
      if (++pending == CHUNK_DAYS) {
        statement.executeBatch();
        pending = 0;
      }
    }
    if (pending > 0) {
      statement.executeBatch();
    }
  }

  private synchronized RoaringBitmap[] rememberedActive(LocalDate day, long version) {
    var kept = memory.get(day);
    return kept != null && kept.active != null && kept.version >= version ? kept.active : null;
  }

  private synchronized RoaringBitmap[] rememberedFirst(LocalDate day, long version) {
    var kept = memory.get(day);
    return kept != null && kept.first != null && kept.firstVersion >= version ? kept.first : null;
  }

  private synchronized void rememberActive(LocalDate day, long version, RoaringBitmap[] sets) {
    remember(
        day,
        kept -> {
          kept.version = version;
          kept.active = sets;
        });
  }

  private synchronized void rememberFirst(LocalDate day, long version, RoaringBitmap[] sets) {
    remember(
        day,
        kept -> {
          kept.firstVersion = version;
          kept.first = sets;
        });
  }

  private void remember(LocalDate day, java.util.function.Consumer<Kept> change) {
    var kept = memory.computeIfAbsent(day, d -> new Kept());
    memoryBytes -= kept.bytes();
    change.accept(kept);
    memoryBytes += kept.bytes();
    var budget = (long) memoryMib << 20;
    var eldest = memory.entrySet().iterator();
    while (memoryBytes > budget && eldest.hasNext()) {
      var entry = eldest.next();
      if (entry.getValue() != kept) {
        memoryBytes -= entry.getValue().bytes();
        eldest.remove();
      }
    }
  }

  /** Forgets what this member keeps in memory (the kept rows stay). */
  public synchronized void forget() {
    memory.clear();
    memoryBytes = 0;
  }

  /** Consecutive runs of {@code days} (ascending) as [first, last] pairs. */
  static List<LocalDate[]> ranges(List<LocalDate> days) {
    var ranges = new ArrayList<LocalDate[]>();
    for (var day : days) {
      var last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
      if (last != null && last[1].plusDays(1).equals(day)) {
        last[1] = day;
      } else {
        ranges.add(new LocalDate[] {day, day});
      }
    }
    return ranges;
  }

  static int id(long id) {
    if (id < 0 || id > 0xFFFF_FFFFL) {
      throw new IllegalStateException(
          "user id " + id + " does not fit the growth reports' 32-bit sets");
    }
    return (int) id;
  }

  static RoaringBitmap set(byte[] bytes) {
    try {
      var set = new RoaringBitmap();
      set.deserialize(ByteBuffer.wrap(bytes));
      return set;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(RoaringBitmap set) {
    var out = new ByteArrayOutputStream(set.serializedSizeInBytes());
    try (var data = new DataOutputStream(out)) {
      set.serialize(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate earlier(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
