/**
 * The operator's own calls: the history (filters, search, pages) and the missed calls with "Call back". The network
 * is behind {@link dev.zvonok.app.history.CallHistorySource} and {@link dev.zvonok.app.history.Dialer}.
 */
package dev.zvonok.app.history;
