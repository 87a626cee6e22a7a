/**
 * The supervisors' statistics: the Statistics view (period, filters, KPI tiles, charts, the operators' table, export),
 * the call journal its figures drill down to, the missed calls to call back, and the operator's "My day". The network
 * is behind {@link dev.zvonok.app.stats.StatsSource}; the definitions of the figures are the server's, the tooltips
 * say them.
 */
package dev.zvonok.app.stats;
