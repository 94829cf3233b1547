package jp.climatepdca.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.ibatis.cache.CacheKey;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, the engine's task list and count (Tasklist's filters) check a department's tasks against
 * its authorizations with hash joins ({@link TaskAuthorizationJoin}), planned for the values they are run
 * with, in the transaction that runs them; and every command's look-up of the groups that hold any
 * authorization reads Camunda's index instead of the whole table ({@link AuthorizedGroupIds}). Only these
 * three statements are touched; every other statement of the engine passes the interceptor after one look
 * at its id.
 *
 * <p>Planned for the values: the JDBC driver makes a statement it has run five times a prepared one, and
 * PostgreSQL then prefers a generic plan, made without the values. For the authorization check a generic
 * plan cannot use the statistics {@link PostgresTaskQueryTuning} keeps on {@code PERMS_ & n}, guesses one
 * matching authorization, and joins every task with every authorization row: with 20,000 open tasks of one
 * department it did not answer within minutes. So these two statements run with
 * {@code set local plan_cache_mode = force_custom_plan}; forcing it for every statement of the pool cost
 * the load test about 28 % of its throughput (planning each of the engine's statements again).
 *
 * <p>{@code enable_memoize = off} and {@code enable_mergejoin = off} as well, for the same two statements:
 * with Camunda's single join over three alternatives (rewritten to one row per resource id at first), the
 * planner preferred, to the hash join, either each task's look-ups with a cache (Memoize), taking every
 * cache hit for free, or a merge join sorting three rows per task on disk (70–105 ms against 45–55 ms for
 * 20,000 tasks in psql). With the three joins of the current rewrite it chooses hash joins by itself on the
 * benchmark's database; the two settings stay (sent with the plan cache mode, nothing extra), so that other
 * statistics cannot bring those plans back. A department with few tasks still gets its look-ups by index
 * and its list the newest tasks by index, cost-based as before.
 *
 * <p>Checked at start-up, so that an engine that changed them cannot leave these hooks silently unused:
 * the three statement ids exist in the engine's MyBatis configuration (on every database, so that the H2
 * tests notice a rename too); on PostgreSQL a probe runs a department's task list and count as a user with
 * a candidate group, through the engine's public API, and each of the three statements must come through
 * here in the form {@link TaskAuthorizationJoin} and {@link AuthorizedGroupIds} rewrite. Otherwise
 * {@link EngineHookMismatch} stops the start. After that, a statement in another form (an administrator's,
 * which checks no authorization; the form Camunda uses while revoke authorizations exist) runs as Camunda
 * wrote it: its own check, slower for a large department, never weaker; the log says so.
 */
@Component
class PostgresTaskQueries extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresTaskQueries.class);
  private static final String TASK = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.";
  static final String TASK_LIST = TASK + "selectTaskByQueryCriteria";
  static final String TASK_COUNT = TASK + "selectTaskCountByQueryCriteria";
  static final Set<String> STATEMENTS = Set.of(TASK_LIST, TASK_COUNT);
  /** Every statement id this hook relies on. */
  static final Set<String> HOOKED = Set.of(TASK_LIST, TASK_COUNT, AuthorizedGroupIds.STATEMENT);
  /** The probe's identity: no user or group of this name holds any authorization. */
  static final String PROBE_USER = "engine-hook-probe";
  static final String PROBE_GROUP = "engine-hook-probe-group";

  private final Tune tune = new Tune();
  private volatile boolean initialized;

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    verifyStatements(configuration.getSqlSessionFactory().getConfiguration(), HOOKED);
    if (DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
      configuration.getSqlSessionFactory().getConfiguration().addInterceptor(tune);
    }
    initialized = true;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
      probe(engine, HOOKED);
    }
  }

  /** The engine called this plugin: a plugin it never calls would verify nothing and rewrite nothing. */
  @EventListener(ApplicationReadyEvent.class)
  void verifyCalled() {
    if (!initialized) {
      throw new EngineHookMismatch(PostgresTaskQueries.class, "the engine never called the plugin's postInit");
    }
  }

  /** Each statement id exists in the engine's MyBatis configuration. */
  static void verifyStatements(Configuration mybatis, Set<String> ids) {
    var missing = ids.stream().filter(id -> !mybatis.hasStatement(id, false)).sorted().toList();
    if (!missing.isEmpty()) {
      throw new EngineHookMismatch(PostgresTaskQueries.class, "the engine's MyBatis configuration has no statement "
          + String.join(", ", missing));
    }
  }

  /**
   * A department's task list and count through the engine's public API, as a user with a candidate group and
   * no grant: each of {@code expected} must pass the interceptor in the form it rewrites (it throws otherwise).
   */
  void probe(ProcessEngine engine, Set<String> expected) {
    var seen = new HashSet<String>();
    var identity = engine.getIdentityService();
    identity.setAuthentication(PROBE_USER, List.of(PROBE_GROUP));
    tune.probe.set(seen);
    try {
      var query = engine.getTaskService().createTaskQuery().taskCandidateGroup(PROBE_GROUP);
      query.listPage(0, 1);
      query.count();
    } finally {
      tune.probe.remove();
      identity.clearAuthentication();
    }
    var missed = expected.stream().filter(id -> !seen.contains(id)).sorted().toList();
    if (!missed.isEmpty()) {
      throw new EngineHookMismatch(PostgresTaskQueries.class, "a department's task list and count no longer run "
          + String.join(", ", missed) + " (they ran " + seen.stream().sorted().toList() + ")");
    }
    LOG.info("PostgreSQL: the engine's task queries are in the form the rewrite knows ({})", expected);
  }

  @Intercepts({
      @Signature(type = Executor.class, method = "query",
          args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}),
      @Signature(type = Executor.class, method = "query",
          args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class, CacheKey.class,
              BoundSql.class})})
  static final class Tune implements Interceptor {

    private final AtomicBoolean warnedRevokes = new AtomicBoolean();
    private final AtomicBoolean warnedOther = new AtomicBoolean();
    /** While the start-up probe runs on this thread: the statement ids seen. */
    private final ThreadLocal<Set<String>> probe = new ThreadLocal<>();

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      var args = invocation.getArgs();
      var statement = (MappedStatement) args[0];
      var probing = probe.get();
      if (probing != null && HOOKED.contains(statement.getId())) {
        probing.add(statement.getId());
      }
      if (AuthorizedGroupIds.STATEMENT.equals(statement.getId())) {
        var bound = bound(args);
        var rewritten = probing != null ? Optional.of(AuthorizedGroupIds.verify(bound.getSql()))
            : AuthorizedGroupIds.rewrite(bound.getSql());
        var asked = AskedGroupIds.asked();
        var among = asked == null || rewritten.isEmpty() ? Optional.<String>empty()
            : AuthorizedGroupIds.among(bound.getSql(), asked.size());
        if (among.isPresent()) {
          return query(invocation, withGroups(statement, bound, among.get(), asked));
        }
        return rewritten.isPresent()
            ? query(invocation, withSql(statement, bound, rewritten.get(), bound.getParameterMappings()))
            : invocation.proceed();
      }
      if (!STATEMENTS.contains(statement.getId())) {
        return invocation.proceed();
      }
      if (probing != null) {
        verifyWithoutRevokes(statement, args[1]);
      }
      var executor = (Executor) invocation.getTarget();
      // until the end of this transaction only: the engine's other statements keep their cached plans
      try (var set = executor.getTransaction().getConnection().createStatement()) {
        set.execute("set local plan_cache_mode = force_custom_plan; set local enable_memoize = off;"
            + " set local enable_mergejoin = off");
      }
      var bound = bound(args);
      var rewritten = TaskAuthorizationJoin.rewrite(bound.getSql());
      if (rewritten.isPresent()) {
        // the parameters in the rewritten statement's places
        bound = withSql(statement, bound, rewritten.get().sql(),
            rewritten.get().parameters(bound.getParameterMappings()));
      } else {
        notRewritten(statement.getId(), args[1], bound.getSql());
      }
      return query(invocation, bound);
    }

    /**
     * The probe's statement in the form the engine builds while no revoke authorization exists, which is the
     * one rewritten: while one exists the engine checks grants and revokes in another form, and the probe
     * still checks this one, so that a changed engine is noticed whatever the database holds.
     */
    private static void verifyWithoutRevokes(MappedStatement statement, Object parameter) {
      var check = authorizationCheck(parameter);
      // the getter, as the mapping asks it (Camunda's shouldPerformAuthorizatioCheck() reads another field)
      if (check == null || !check.getShouldPerformAuthorizatioCheck() || check.getAuthUserId() == null) {
        throw new EngineHookMismatch(TaskAuthorizationJoin.class, statement.getId()
            + " no longer gets the authorization check of a department's user (AuthorizationCheck) as parameter ("
            + (check == null ? parameter : "enabled " + check.isAuthorizationCheckEnabled() + ", user "
            + check.getAuthUserId() + ", permission checks " + check.getPermissionChecks().getAllPermissionChecks())
            + ")");
      }
      var revokes = check.isRevokeAuthorizationCheckEnabled();
      check.setRevokeAuthorizationCheckEnabled(false);
      try {
        TaskAuthorizationJoin.verify(statement.getId(), statement.getBoundSql(parameter).getSql());
      } finally {
        check.setRevokeAuthorizationCheckEnabled(revokes);
      }
    }

    private static AuthorizationCheck authorizationCheck(Object parameter) {
      return parameter instanceof ListQueryParameterObject query ? query.getAuthCheck() : null;
    }

    /** Other SQL for the statement, with the values MyBatis bound while building it (foreach items, binds). */
    private static BoundSql withSql(MappedStatement statement, BoundSql original, String sql,
        List<ParameterMapping> parameters) {
      var bound = new BoundSql(statement.getConfiguration(), sql, parameters, original.getParameterObject());
      original.getAdditionalParameters().forEach(bound::setAdditionalParameter);
      return bound;
    }

    /** The look-up of the asked groups, each group a parameter of its own (never SQL text). */
    private static BoundSql withGroups(MappedStatement statement, BoundSql original, String sql, List<String> groups) {
      var mappings = new java.util.ArrayList<ParameterMapping>();
      var bound = new BoundSql(statement.getConfiguration(), sql, mappings, original.getParameterObject());
      for (var i = 0; i < groups.size(); i++) {
        var name = "__askedGroup" + i;
        mappings.add(new ParameterMapping.Builder(statement.getConfiguration(), name, String.class).build());
        bound.setAdditionalParameter(name, groups.get(i));
      }
      return bound;
    }

    private static BoundSql bound(Object[] args) {
      return args.length == 6 ? (BoundSql) args[5] : ((MappedStatement) args[0]).getBoundSql(args[1]);
    }

    /**
     * What the executor does with a statement's SQL once it is built (built once: it costs more than the
     * rest of the statement's work in Java), with other SQL.
     */
    private static Object query(Invocation invocation, BoundSql bound) throws Exception {
      var args = invocation.getArgs();
      var statement = (MappedStatement) args[0];
      var executor = (Executor) invocation.getTarget();
      var rowBounds = (RowBounds) args[2];
      return executor.query(statement, args[1], rowBounds, (ResultHandler<?>) args[3],
          executor.createCacheKey(statement, args[1], rowBounds, bound), bound);
    }

    /** Camunda's own statement runs: never a weaker check, but a slower one, which the log tells once. */
    private void notRewritten(String statementId, Object parameter, String sql) {
      if (!TaskAuthorizationJoin.checksAuthorizations(sql)) {
        return;
      }
      var check = authorizationCheck(parameter);
      if (check != null && check.isRevokeAuthorizationCheckEnabled()) {
        if (warnedRevokes.compareAndSet(false, true)) {
          LOG.warn("Revoke authorizations exist: Camunda checks grants and revokes of task queries in its own form,"
              + " which runs as Camunda wrote it, slower for a department with many open tasks");
        }
      } else if (warnedOther.compareAndSet(false, true)) {
        LOG.warn("{} checks authorizations in a form the start-up probe did not see; it runs as Camunda wrote it"
            + " (its own check, slower for a department with many open tasks): {}", statementId, sql);
      }
    }
  }
}
