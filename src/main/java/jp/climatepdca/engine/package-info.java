/**
 * Every use of the process engine's internals, one class per hook: MyBatis statement ids and the SQL
 * Camunda generates for them ({@link jp.climatepdca.engine.PostgresTaskQueries},
 * {@link jp.climatepdca.engine.TaskAuthorizationJoin}, {@link jp.climatepdca.engine.AuthorizedGroupIds}),
 * Camunda's tables and permission bits ({@link jp.climatepdca.engine.PostgresTaskQueryTuning},
 * {@link jp.climatepdca.engine.PostgresJobAcquisitionIndex}), the
 * REST layer's JSON mapper and servlet ({@link jp.climatepdca.engine.SharedRestMapper},
 * {@link jp.climatepdca.engine.EngineRestResources}, {@link jp.climatepdca.engine.WebappEngineApi}) and
 * the order in which the engine calls its plugins ({@link jp.climatepdca.engine.EngineStartLock}), the fields
 * of Camunda's commands and its command chain ({@link jp.climatepdca.engine.SubmittedFieldsGuard},
 * {@link jp.climatepdca.engine.TaskInputUnwrapping}), its identity service's implementation
 * ({@link jp.climatepdca.engine.PasswordCheckHook}), Spin's data format configuration
 * ({@link jp.climatepdca.engine.SpinJsonNumbers}), the tenant of a new instance and the engine's tenant check
 * ({@link jp.climatepdca.engine.BusinessKeyTenants}, {@link jp.climatepdca.engine.TenantRefusals}) and its
 * authorization manager ({@link jp.climatepdca.engine.AskedGroupIds}), the webapps' login in the session
 * ({@link jp.climatepdca.engine.WebappLogin}), and its BPMN parser's user tasks
 * ({@link jp.climatepdca.engine.EveryUserTask}). A feature's own logic stays in the feature: a hook is
 * the adapter (identity's login throttling implements {@link jp.climatepdca.engine.PasswordCheckHook.Policy}).
 *
 * <p>Why here and nowhere else: these hooks name things the engine does not promise to keep (a statement
 * id is a string, SQL is text, a servlet is found by its name). A new Camunda version, or Operaton (its
 * drop-in successor, in {@code org.operaton}), can change any of them without a compiler error, and a hook
 * that silently stops matching would leave a department's task list slow or, worse, an authorization
 * check other than the one we tested. So each hook checks at start-up that what it relies on is still
 * there and still in the form it knows, and stops the application with {@link
 * jp.climatepdca.engine.EngineHookMismatch} naming the hook and what changed; each has a test that feeds
 * it the changed form. ModularityTest keeps the engine's internal packages out of every other package.
 */
package jp.climatepdca.engine;
