package dev.zvonok.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zvonok.server.db.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A server that is up but failing (its database gone) is told apart from one that cannot be reached. */
class ServerErrorTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private RunningServer server;

    @BeforeEach
    void start() throws Exception {
        server = RunningServer.startWithDatabaseRelay(db);
    }

    @AfterEach
    void stop() {
        server.databaseRelay().restore(); // lets the server's recorder write what it holds, rather than wait 10 s
        server.close();
    }

    @Test
    void aLoginWhileTheServersDatabaseIsGoneIsAServerError() {
        server.databaseRelay().cut();

        assertThatThrownBy(() -> server.api().login("ivanov", RunningServer.PASSWORD))
                .isInstanceOfSatisfying(ServerException.ServerError.class, failed ->
                        assertThat(failed.status()).as("the server says its database is away").isEqualTo(503));
    }
}
