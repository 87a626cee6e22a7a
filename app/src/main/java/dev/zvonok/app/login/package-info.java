/**
 * The login screen: server address, login and password, the "resuming…" state at start. The network is behind
 * {@link dev.zvonok.app.login.Authenticator}, which fails with a {@link dev.zvonok.app.login.LoginFailure}.
 */
package dev.zvonok.app.login;
