package dev.zvonok.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import java.net.URI;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class CallQueryTest {

    @Test
    void onlyTheFiltersThatAreSetGoIntoTheQueryEncoded() {
        CallQuery query = CallQuery.firstPage().page(3).limit(50)
                .between(OffsetDateTime.parse("2026-11-01T00:00+04:00"), OffsetDateTime.parse("2026-11-20T23:59:59+04:00"))
                .status(CallDisposition.MISSED).direction(CallDirection.INBOUND).number("+7 (927) 139-09-07");

        assertThat(query.toQueryString()).isEqualTo("page=3&limit=50&dateFrom=2026-11-01T00%3A00%3A00%2B04%3A00"
                + "&dateTo=2026-11-20T23%3A59%3A59%2B04%3A00"
                + "&status=missed&direction=inbound&number=%2B7+%28927%29+139-09-07");
        assertThat(CallQuery.firstPage().toQueryString()).isEqualTo("page=1&limit=20");
    }

    @Test
    void whatTheServerWouldRefuseIsRefusedHere() {
        assertThatThrownBy(() -> CallQuery.firstPage().page(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CallQuery.firstPage().limit(101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CallQuery.firstPage()
                        .between(OffsetDateTime.parse("2026-11-02T00:00Z"), OffsetDateTime.parse("2026-11-01T00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theServerAddressGivesTheApiAndTheWebSocketOnOnePort() {
        ServerAddress plain = ServerAddress.of(" http://pbx-crm.local:3771/some/page?x=1 ");
        assertThat(plain.resolve("/api/me")).isEqualTo(URI.create("http://pbx-crm.local:3771/api/me"));
        assertThat(plain.webSocket()).isEqualTo(URI.create("ws://pbx-crm.local:3771/ws"));
        assertThat(ServerAddress.of("https://crm.example.com").webSocket())
                .isEqualTo(URI.create("wss://crm.example.com/ws"));
        assertThatThrownBy(() -> ServerAddress.of("pbx-crm.local:3771")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerAddress.of("ftp://pbx-crm.local")).isInstanceOf(IllegalArgumentException.class);
    }
}
