/**
 * Statistics: the definitions of every figure (answered, missed, acceptance rate, speed of answer, handle time,
 * service level...) in one place, computed from the recorded calls. The supervisors' live board asks for today's
 * figures here too, so that the board and the reports never disagree.
 */
package dev.zvonok.server.stats;
