package app.confio.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.confio.platform.ClusterViews.Seen;
import app.confio.platform.ClusterViews.View;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClusterViewsTest {

  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void aWholeClusterHasNobodyToStandAsideFor() {
    var a = new Seen("a", "a", 2, T0);
    var b = new Seen("b", "a", 2, T0);
    assertEquals(Optional.empty(), ClusterViews.beatenBy(a, Set.of("a", "b"), List.of(a, b)));
    assertEquals(Optional.empty(), ClusterViews.beatenBy(b, Set.of("a", "b"), List.of(a, b)));
  }

  @Test
  void theSmallerHalfOfASplitStandsAsideAndTheLargerServes() {
    var a = new Seen("a", "a", 2, T0);
    var b = new Seen("b", "a", 2, T0);
    var c = new Seen("c", "c", 1, T0);
    var alive = List.of(a, b, c);
    assertEquals(Optional.of(new View("a", 2, T0)), ClusterViews.beatenBy(c, Set.of("c"), alive));
    assertEquals(Optional.empty(), ClusterViews.beatenBy(a, Set.of("a", "b"), alive));
    assertEquals(Optional.empty(), ClusterViews.beatenBy(b, Set.of("a", "b"), alive));
  }

  @Test
  void ofTwoEqualHalvesTheOneThatFormedFirstServesAndBothAgree() {
    // y froze for longer than the grid's heartbeat timeout; x went on alone, y came back alone.
    var x = new Seen("x", "x", 1, T0);
    var y = new Seen("y", "y", 1, T0.plusSeconds(70));
    var alive = List.of(x, y);
    assertEquals(Optional.empty(), ClusterViews.beatenBy(x, Set.of("x"), alive));
    assertEquals(Optional.of(new View("x", 1, T0)), ClusterViews.beatenBy(y, Set.of("y"), alive));
  }

  @Test
  void ofTwoEqualHalvesFormedAtOnceTheSmallerIdServes() {
    var x = new Seen("x", "0f-x", 1, T0);
    var y = new Seen("y", "a3-y", 1, T0);
    var alive = List.of(x, y);
    assertEquals(Optional.empty(), ClusterViews.beatenBy(x, Set.of("x"), alive));
    assertTrue(ClusterViews.beatenBy(y, Set.of("y"), alive).isPresent());
  }

  @Test
  void aWokenMemberThatStillThinksItIsInOurViewIsNoSplitYet() {
    // b froze; a dropped it. b woke and, until its own heartbeat check drops a, records a's view.
    var a = new Seen("a", "a", 1, T0.plusSeconds(60));
    var b = new Seen("b", "a", 2, T0);
    assertEquals(Optional.empty(), ClusterViews.beatenBy(a, Set.of("a"), List.of(a, b)));
    assertEquals(Optional.empty(), ClusterViews.beatenBy(b, Set.of("a", "b"), List.of(a, b)));
  }

  @Test
  void aMemberThatJoinedUsButStillRecordsItsOldViewIsNoSplit() {
    // b joined a's cluster a moment ago; its record still says it was alone.
    var a = new Seen("a", "a", 2, T0);
    var bBefore = new Seen("b", "b", 1, T0);
    assertEquals(Optional.empty(), ClusterViews.beatenBy(a, Set.of("a", "b"), List.of(a, bBefore)));
  }

  @Test
  void aMemberThatLeftUsForALargerClusterMakesUsStandAside() {
    var lonely = new Seen("a", "a", 1, T0);
    var others = List.of(lonely, new Seen("b", "b", 2, T0), new Seen("c", "b", 2, T0));
    var beaten = ClusterViews.beatenBy(lonely, Set.of("a"), others);
    assertTrue(beaten.isPresent());
    assertEquals("b", beaten.get().id());
  }
}
