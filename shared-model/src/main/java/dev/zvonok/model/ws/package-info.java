/** The WebSocket protocol between server-lite and the operator's app: one JSON object per frame. */
package dev.zvonok.model.ws;
