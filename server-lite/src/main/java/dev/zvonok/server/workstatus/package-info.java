/**
 * The operators' work status: available, or on a break with a reason from the server's list. Chosen in the app
 * ({@code set-work-status}) or on the phone (a queue pause, reported by the queue side through
 * {@link dev.zvonok.server.workstatus.WorkStatuses#fromPbx}), kept as a log in {@code work_status_log} for the
 * statistics, and followed by the PBX's queue pause through the {@link dev.zvonok.server.workstatus.QueuePauser} seam.
 */
package dev.zvonok.server.workstatus;
