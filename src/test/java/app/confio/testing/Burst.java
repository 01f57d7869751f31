package app.confio.testing;

import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/** Inside a probe: many threads doing one thing at the same moment, to provoke races. */
public final class Burst {

  private Burst() {}

  /**
   * Starts {@code count} threads from {@code threads}, releases them together into {@code call},
   * and answers how often each outcome came back, in name order ({@code {COOLDOWN=7, WRITTEN=1}}).
   */
  public static String outcomes(ThreadFactory threads, int count, Callable<String> call)
      throws Exception {
    var start = new CountDownLatch(1);
    var tasks =
        IntStream.range(0, count)
            .mapToObj(
                i ->
                    new FutureTask<>(
                        () -> {
                          start.await();
                          return call.call();
                        }))
            .toList();
    tasks.forEach(task -> threads.newThread(task).start());
    start.countDown();
    var outcomes = new TreeMap<String, Integer>();
    for (var task : tasks) {
      outcomes.merge(task.get(60, TimeUnit.SECONDS), 1, Integer::sum);
    }
    return outcomes.toString();
  }
}
