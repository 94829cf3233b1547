package jp.climatepdca.cycle;

import java.util.Comparator;
import java.util.stream.Collectors;
import jp.climatepdca.ClimatePdcaApplication;
import jp.climatepdca.testing.LocalPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;

/**
 * Where the start-up's time goes: starts the application in the prod configuration on an empty embedded
 * PostgreSQL with Spring's start-up recording and prints the slowest steps (they nest: the process engine's
 * bean contains Hibernate's, the web server's contains the engine's). Not a test; run like the
 * LargeCityBenchmark (docs/performance.md), with this class's name; arguments are passed on as application arguments.
 */
public final class StartupProfile {

  private static final int SHOWN = 25;

  public static void main(String[] args) throws Exception {
    var spec = new LocalPostgres.Spec("climatepdca", "climatepdca", "startup");
    try (var postgres = LocalPostgres.start(spec)) {
      var startup = new BufferingApplicationStartup(20_000);
      var arguments = new java.util.ArrayList<>(java.util.List.of("--server.port=0", "--logging.level.root=WARN",
          "--ADMIN_USER=admin", "--ADMIN_PASSWORD=" + java.util.UUID.randomUUID(),
          "--DB_URL=" + postgres.jdbcUrl(spec.database()), "--DB_USER=" + spec.user(),
          "--DB_PASSWORD=" + spec.password()));
      arguments.addAll(java.util.List.of(args));
      long start = System.nanoTime();
      try (var context = new SpringApplicationBuilder(ClimatePdcaApplication.class).profiles("prod")
          .applicationStartup(startup).run(arguments.toArray(String[]::new))) {
        System.out.printf("started in %.1f s; the slowest steps:%n", (System.nanoTime() - start) / 1e9);
        startup.getBufferedTimeline().getEvents().stream()
            .sorted(Comparator.comparing(TimelineEvent::getDuration).reversed()).limit(SHOWN)
            .forEach(e -> System.out.printf("%7.2f s  %s %s%n", e.getDuration().toMillis() / 1000.0,
                e.getStartupStep().getName(), tags(e)));
      }
    }
  }

  private static String tags(TimelineEvent event) {
    var tags = new java.util.ArrayList<String>();
    event.getStartupStep().getTags().forEach(t -> tags.add(t.getKey() + "=" + t.getValue()));
    return tags.stream().filter(t -> !t.startsWith("beanType")).collect(Collectors.joining(" "));
  }
}
