package jp.climatepdca.system;

import java.util.List;
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
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 */
@Component
class PostgresTaskQueries extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresTaskQueries.class);
  private static final String TASK = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.";
  static final Set<String> STATEMENTS = Set.of(TASK + "selectTaskByQueryCriteria",
      TASK + "selectTaskCountByQueryCriteria");

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
      configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new Tune());
    }
  }

  @Intercepts({
      @Signature(type = Executor.class, method = "query",
          args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}),
      @Signature(type = Executor.class, method = "query",
          args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class, CacheKey.class,
              BoundSql.class})})
  static final class Tune implements Interceptor {

    private final AtomicBoolean warned = new AtomicBoolean();

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      var args = invocation.getArgs();
      var statement = (MappedStatement) args[0];
      if (AuthorizedGroupIds.STATEMENT.equals(statement.getId())) {
        var bound = bound(args);
        var rewritten = AuthorizedGroupIds.rewrite(bound.getSql());
        return rewritten.isPresent()
            ? query(invocation, withSql(statement, bound, rewritten.get(), bound.getParameterMappings()))
            : invocation.proceed();
      }
      if (!STATEMENTS.contains(statement.getId())) {
        return invocation.proceed();
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
        notRewritten(bound.getSql());
      }
      return query(invocation, bound);
    }

    /** Other SQL for the statement, with the values MyBatis bound while building it (foreach items, binds). */
    private static BoundSql withSql(MappedStatement statement, BoundSql original, String sql,
        List<ParameterMapping> parameters) {
      var bound = new BoundSql(statement.getConfiguration(), sql, parameters, original.getParameterObject());
      original.getAdditionalParameters().forEach(bound::setAdditionalParameter);
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

    private void notRewritten(String sql) {
      if (TaskAuthorizationJoin.checksAuthorizations(sql) && warned.compareAndSet(false, true)) {
        LOG.warn("Camunda's task query checks authorizations in another form than the one rewritten for"
            + " PostgreSQL (revoke authorizations exist, or a new Camunda version); it runs as Camunda wrote it,"
            + " slower for a department with many open tasks");
      }
    }
  }
}
