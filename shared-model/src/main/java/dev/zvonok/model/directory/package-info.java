/** Vocabulary of the directory (users, dealers, companies) shared by the server and the desktop app. */
package dev.zvonok.model.directory;
