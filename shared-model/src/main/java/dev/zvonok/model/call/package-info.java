/** Vocabulary of calls shared by the server and the desktop app. */
package dev.zvonok.model.call;
