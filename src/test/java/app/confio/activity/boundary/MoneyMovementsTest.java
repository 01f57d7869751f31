package app.confio.activity.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.confio.activity.entity.ActivityKind;
import app.confio.money.control.MoneyMoved;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyMovementsTest {

  static class Touches extends ActivityTracker {
    final List<String> touched = new ArrayList<>();

    @Override
    public void touch(long userId, ActivityKind kind) {
      touched.add(userId + ":" + kind);
    }
  }

  final Touches tracker = new Touches();
  final MoneyMovements cut = new MoneyMovements();

  {
    cut.tracker = tracker;
  }

  @Test
  void aMovementOfTheUserCountsAsTransacting() {
    cut.committed(new MoneyMoved(42, MoneyMoved.Kind.SEND, null));
    assertEquals(List.of("42:SEND"), tracker.touched);
  }

  @Test
  void aMovementAStaffMemberMadeForTheUserCountsForNobody() {
    for (var kind : MoneyMoved.Kind.values()) {
      cut.committed(new MoneyMoved(42, kind, "staff-7"));
    }
    assertEquals(List.of(), tracker.touched);
  }
}
