package jp.climatepdca.system;

import java.util.Set;
import org.apache.ibatis.cache.CacheKey;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, the engine's task list and count (Tasklist's filters) are planned for the values they are
 * run with, in the transaction that runs them ({@code set local plan_cache_mode = force_custom_plan}).
 *
 * <p>The JDBC driver makes a statement it has run five times a prepared one, and PostgreSQL then prefers
 * a generic plan, made without the values. For the task query's authorization check a generic plan cannot
 * use the statistics {@link PostgresTaskQueryTuning} keeps on {@code PERMS_ & n}, guesses one matching
 * authorization, and joins every task with every authorization row: with 20,000 open tasks of one
 * department it did not answer within minutes. Forcing custom plans for every statement of the pool cost
 * the load test about 28 % of its throughput (planning each of the engine's statements again), so only
 * these two statements get it; planning one costs a few milliseconds.
 */
@Component
class TaskQueryCustomPlans extends AbstractProcessEnginePlugin {

  private static final String TASK = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.";
  static final Set<String> STATEMENTS = Set.of(TASK + "selectTaskByQueryCriteria",
      TASK + "selectTaskCountByQueryCriteria");

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
      configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new SetLocal());
    }
  }

  @Intercepts({
      @Signature(type = Executor.class, method = "query",
          args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}),
      @Signature(type = Executor.class, method = "query",
          args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class, CacheKey.class,
              BoundSql.class})})
  static final class SetLocal implements Interceptor {

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      var statement = (MappedStatement) invocation.getArgs()[0];
      if (STATEMENTS.contains(statement.getId())) {
        var connection = ((Executor) invocation.getTarget()).getTransaction().getConnection();
        // until the end of this transaction only: the engine's other statements keep their cached plans
        try (var set = connection.createStatement()) {
          set.execute("set local plan_cache_mode = force_custom_plan");
        }
      }
      return invocation.proceed();
    }
  }
}
