package app.confio.platform;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which half of a split cluster stands aside. Every member records its data grid's view of the
 * cluster in the database: the view's oldest member's id, the number of members and since when this
 * member has seen it so. Two views alive at once under one cluster name are a split. The larger
 * view serves; of two views of one size, the one that formed first (a member that froze and came
 * back alone formed its view last); then the smaller id. Every member decides from the same rows,
 * so the two halves agree without talking to each other.
 */
public final class ClusterViews {

  private ClusterViews() {}

  /** One member's record: its id, the view it is in, that view's size and since when. */
  public record Seen(String member, String view, int size, Instant since) {
    public Seen {
      Objects.requireNonNull(member);
      Objects.requireNonNull(view);
      Objects.requireNonNull(since);
    }
  }

  /** A view as its members' records tell it: the largest size any reports, the earliest since. */
  public record View(String id, int size, Instant since) {}

  static final Comparator<View> WINNER =
      Comparator.comparingInt(View::size)
          .reversed()
          .thenComparing(View::since)
          .thenComparing(View::id);

  /**
   * The view that beats ours, if any. {@code ours} is this member's record, {@code ourMembers} the
   * ids in its view, {@code alive} every live record (ours included). Records of members in our
   * view count as ours whatever they say (one that joined a moment ago may still record its old
   * view); a record of a member missing from our view, in another view, is the other half.
   */
  public static Optional<View> beatenBy(Seen ours, Set<String> ourMembers, Collection<Seen> alive) {
    var views =
        alive.stream()
            .filter(seen -> seen.view().equals(ours.view()) || !ourMembers.contains(seen.member()))
            .collect(
                Collectors.groupingBy(
                    Seen::view,
                    Collectors.reducing(
                        new View(null, 0, Instant.MAX),
                        seen -> new View(seen.view(), seen.size(), seen.since()),
                        ClusterViews::merge)));
    var mine =
        merge(
            views.getOrDefault(ours.view(), new View(null, 0, Instant.MAX)),
            new View(ours.view(), ours.size(), ours.since()));
    return views.values().stream()
        .filter(view -> !view.id().equals(ours.view()))
        .filter(view -> WINNER.compare(view, mine) < 0)
        .min(WINNER);
  }

  private static View merge(View a, View b) {
    return new View(
        a.id() != null ? a.id() : b.id(),
        Math.max(a.size(), b.size()),
        a.since().isBefore(b.since()) ? a.since() : b.since());
  }
}
