package jp.climatepdca.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Latencies and answers of a load run, per kind of operation (task list, claim, complete, …), recorded
 * from many threads; the report gives throughput, p50/p95/p99 and the answers by status.
 */
public final class LoadStats {

  private final Map<String, ConcurrentLinkedQueue<Long>> nanos = new ConcurrentHashMap<>();
  private final Map<String, Map<Integer, LongAdder>> statuses = new ConcurrentHashMap<>();
  /** The first few answers that were neither 2xx nor 409, in full: a 5xx in CI is found from these. */
  private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
  private static final int UNEXPECTED_KEPT = 10;

  /** One operation of this kind took this long and was answered with this HTTP status (0: no answer). */
  public void record(String kind, int status, long elapsedNanos) {
    nanos.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(elapsedNanos);
    statuses.computeIfAbsent(kind, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(status, s -> new LongAdder()).increment();
  }

  /** Keeps this answer (what was asked, status, body) for the report when it is neither 2xx nor 409. */
  public void keepIfUnexpected(String request, int status, String answer) {
    if ((status < 200 || status > 299) && status != 409 && unexpected.size() < UNEXPECTED_KEPT) {
      unexpected.add(request + " → " + status + ": " + answer);
    }
  }

  /** How many answers had a status in [from, to]. */
  public long count(int from, int to) {
    return statuses.values().stream().flatMap(m -> m.entrySet().stream())
        .filter(e -> e.getKey() >= from && e.getKey() <= to).mapToLong(e -> e.getValue().sum()).sum();
  }

  /** Every status that is not 2xx, by kind of operation and status. */
  public Map<String, Map<Integer, Long>> errors() {
    var errors = new TreeMap<String, Map<Integer, Long>>();
    statuses.forEach((kind, byStatus) -> byStatus.forEach((status, n) -> {
      if (status < 200 || status > 299) {
        errors.computeIfAbsent(kind, k -> new TreeMap<>()).put(status, n.sum());
      }
    }));
    return errors;
  }

  public String report(String title, double seconds) {
    var text = new StringBuilder(title).append('\n');
    var all = nanos.values().stream().mapToLong(ConcurrentLinkedQueue::size).sum();
    text.append(String.format("%,d operations in %.1f s: %.1f ops/s%n%n", all, seconds, all / seconds));
    text.append(table(seconds));
    text.append(String.format("%nerrors (not 2xx) by operation and status: %s%n", errors()));
    unexpected.forEach(answer -> text.append(answer).append('\n'));
    return text.toString();
  }

  /** Per kind of operation: count, per second over these seconds, p50/p95/p99/max, answers by status. */
  public String table(double seconds) {
    var text = new StringBuilder(String.format("%-34s %8s %8s %9s %9s %9s %9s  %s%n", "operation", "count",
        "ops/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "answers by status"));
    new TreeMap<>(nanos).forEach((kind, values) -> {
      var sorted = new ArrayList<>(values);
      Collections.sort(sorted);
      text.append(String.format("%-34s %,8d %8.1f %9.1f %9.1f %9.1f %9.1f  %s%n", kind, sorted.size(),
          sorted.size() / seconds, millis(sorted, 0.50), millis(sorted, 0.95), millis(sorted, 0.99),
          millis(sorted, 1.0), new TreeMap<>(statuses.get(kind))));
    });
    return text.toString();
  }

  /** Writes the report to the file (under target/) as well as returning it. */
  public String report(String title, double seconds, Path file) throws java.io.IOException {
    var text = report(title, seconds);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return text;
  }

  /** The nearest-rank percentile of sorted values, in milliseconds. */
  public static double millis(List<Long> sorted, double percentile) {
    if (sorted.isEmpty()) {
      return 0;
    }
    var rank = (int) Math.ceil(percentile * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1e6;
  }
}
