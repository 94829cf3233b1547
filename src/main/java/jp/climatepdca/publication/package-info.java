/**
 * Publication (公表): the annual report (年次報告書) prepared, approved and published through
 * bpmn/annual-report-publication.bpmn as a frozen, versioned snapshot, and the public pages, PDF, CSV and
 * JSON rendered only from published snapshots.
 */
package jp.climatepdca.publication;
