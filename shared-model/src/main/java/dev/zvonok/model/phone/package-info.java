/**
 * How phone numbers are read, compared and shown: one rule for the server (which stores and looks numbers up) and the
 * app (which shows them and searches by what the operator types), so that the two always agree.
 */
package dev.zvonok.model.phone;
