/**
 * Users, groups and authorizations in Camunda's identity service, the roles the API asks about, Tasklist filters, and the demo data (demo profile only).
 */
package jp.climatepdca.identity;
