/**
 * Cross-cutting concerns: security, API error handling (problem details in Japanese), form-data helpers for task listeners, and the engine plugin that lets a refused form answer 400. Knows no feature.
 */
package jp.climatepdca.system;
