/** The REST API's bodies, shared by server-lite and the desktop app. */
package dev.zvonok.model.api;
