package dev.zvonok.server.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.ami.AmiSettings;
import dev.zvonok.server.ami.ClickToCall;
import dev.zvonok.server.api.AddressRange;
import dev.zvonok.server.auth.AuthSettings;
import dev.zvonok.server.auth.LoginLimits;
import dev.zvonok.server.db.DatabaseSettings;
import dev.zvonok.server.queues.MemberInterfaces;
import dev.zvonok.server.stats.StatsSettings;
import dev.zvonok.server.tls.TlsSettings;
import dev.zvonok.server.tracking.ExtensionPatternEndpoints;
import dev.zvonok.server.workstatus.BreakReasons;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * server-lite's configuration, strongest first: system properties ({@code -Dzvonok...}), environment variables
 * ({@link #ENVIRONMENT}), a file ({@code --config} or {@code ZVONOK_CONFIG}), the defaults in {@code reference.conf}.
 */
public final class ServerConfig {

    private final Config config;

    private ServerConfig(Config config) {
        this.config = config;
    }

    /** Loads the layers; {@code file} may be null (then {@code ZVONOK_CONFIG} is consulted). */
    public static ServerConfig load(Path file) {
        Path chosen = file;
        if (chosen == null && System.getenv("ZVONOK_CONFIG") != null) {
            chosen = Path.of(System.getenv("ZVONOK_CONFIG"));
        }
        Config layered = ConfigFactory.defaultOverrides().withFallback(fromEnvironment(System.getenv()));
        if (chosen != null) {
            if (!Files.isReadable(chosen)) {
                throw new InvalidConfigException("cannot read the configuration file " + chosen);
            }
            layered = layered.withFallback(ConfigFactory.parseFile(chosen.toFile()));
        }
        return from(layered.withFallback(ConfigFactory.defaultReference()).resolve());
    }

    /** The environment variables server-lite reads, and the setting each one overrides. */
    static final Map<String, String> ENVIRONMENT = Map.ofEntries(
            Map.entry("ZVONOK_AMI_HOST", "zvonok.ami.host"),
            Map.entry("ZVONOK_AMI_PORT", "zvonok.ami.port"),
            Map.entry("ZVONOK_AMI_USER", "zvonok.ami.username"),
            Map.entry("ZVONOK_AMI_SECRET", "zvonok.ami.secret"),
            Map.entry("ZVONOK_DB_URL", "zvonok.database.url"),
            Map.entry("ZVONOK_DB_USER", "zvonok.database.user"),
            Map.entry("ZVONOK_DB_PASSWORD", "zvonok.database.password"),
            Map.entry("ZVONOK_DB_EMBEDDED", "zvonok.database.embedded.enabled"),
            Map.entry("ZVONOK_DATA_DIR", "zvonok.database.embedded.data-dir"),
            Map.entry("ZVONOK_PHONE_REGION", "zvonok.phones.default-region"),
            Map.entry("ZVONOK_HTTP_HOST", "zvonok.http.host"),
            Map.entry("ZVONOK_HTTP_PORT", "zvonok.http.port"),
            Map.entry("ZVONOK_TIME_ZONE", "zvonok.http.time-zone"),
            Map.entry("ZVONOK_TRUSTED_PROXIES", "zvonok.http.trusted-proxies"),
            Map.entry("ZVONOK_METRICS_FROM", "zvonok.http.metrics-from"),
            Map.entry("ZVONOK_TLS_CERTIFICATE", TlsSettings.CERTIFICATE),
            Map.entry("ZVONOK_TLS_PRIVATE_KEY", TlsSettings.PRIVATE_KEY),
            Map.entry("ZVONOK_TLS_KEYSTORE", TlsSettings.KEYSTORE),
            Map.entry("ZVONOK_TLS_KEYSTORE_PASSWORD", TlsSettings.KEYSTORE_PASSWORD),
            Map.entry("ZVONOK_AUTH_TOKEN_SECRET", "zvonok.auth.token-secret"),
            Map.entry("ZVONOK_QUEUE_MEMBER_INTERFACES", "zvonok.queues.member-interfaces"),
            Map.entry("ZVONOK_BREAK_REASONS", "zvonok.work-status.break-reasons"));

    /** Settings that are lists: their variables hold the items separated by commas ({@code 10.0.0.1,10.0.0.2}). */
    private static final Set<String> LISTS = Set.of("zvonok.http.trusted-proxies", "zvonok.http.metrics-from",
            "zvonok.queues.member-interfaces", "zvonok.work-status.break-reasons");

    static Config fromEnvironment(Map<String, String> environment) {
        Map<String, Object> values = new HashMap<>();
        ENVIRONMENT.forEach((variable, path) -> {
            String value = environment.get(variable);
            if (value != null) {
                values.put(path, LISTS.contains(path) ? items(value) : value);
            }
        });
        return ConfigFactory.parseMap(values, "environment");
    }

    private static List<String> items(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

    public static ServerConfig from(Config config) {
        try {
            config.checkValid(ConfigFactory.defaultReference(), "zvonok");
        } catch (ConfigException e) {
            throw new InvalidConfigException(e.getMessage());
        }
        return new ServerConfig(config);
    }

    public AmiSettings ami() {
        // full paths, so that an error names the setting as the user writes it
        return guard(() -> new AmiSettings(
                config.getString("zvonok.ami.host"),
                config.getInt("zvonok.ami.port"),
                config.getString("zvonok.ami.username"),
                config.getString("zvonok.ami.secret"),
                config.getString("zvonok.ami.events"),
                config.getDuration("zvonok.ami.response-timeout"),
                config.getDuration("zvonok.ami.reconnect.initial-delay"),
                config.getDuration("zvonok.ami.reconnect.max-delay"),
                config.getDuration("zvonok.ami.ping-after-silence"),
                config.getDuration("zvonok.ami.ping-timeout"),
                config.getDuration("zvonok.ami.resync-interval")));
    }

    /** Why nothing starts without a database URL: production data never lands under a working directory by chance. */
    static final String NO_DATABASE = "no database is configured: set zvonok.database.url, user and password"
            + " (ZVONOK_DB_URL=jdbc:postgresql://localhost:5432/zvonok, ZVONOK_DB_USER, ZVONOK_DB_PASSWORD; the"
            + " zvonok-server package keeps them in /etc/zvonok/server.conf). To try server-lite without a PostgreSQL,"
            + " ZVONOK_DB_EMBEDDED=true starts an embedded one under zvonok.database.embedded.data-dir (not for"
            + " production; the demo has its own).";

    /**
     * The configured PostgreSQL; the embedded one only when asked for ({@code zvonok.database.embedded.enabled}).
     *
     * @throws InvalidConfigException when there is neither
     */
    public DatabaseSettings database() {
        if (config.getString("zvonok.database.url").isBlank()
                && !guard(() -> config.getBoolean("zvonok.database.embedded.enabled"))) {
            throw new InvalidConfigException(NO_DATABASE);
        }
        return guard(() -> DatabaseSettings.of(
                config.getString("zvonok.database.url"),
                config.getString("zvonok.database.user"),
                config.getString("zvonok.database.password"),
                path("zvonok.database.embedded.data-dir"),
                config.getInt("zvonok.database.embedded.port")));
    }

    public HttpSettings http() {
        return guard(() -> new HttpSettings(config.getString("zvonok.http.host"), config.getInt("zvonok.http.port"),
                ZoneId.of(config.getString("zvonok.http.time-zone")), ranges("zvonok.http.trusted-proxies"),
                ranges("zvonok.http.metrics-from"), tls()));
    }

    /** The certificate, when one is configured; its files are read by {@code ServerIdentity.load}. */
    private Optional<TlsSettings> tls() {
        Path certificate = optionalPath(TlsSettings.CERTIFICATE);
        Path privateKey = optionalPath(TlsSettings.PRIVATE_KEY);
        Path keystore = optionalPath(TlsSettings.KEYSTORE);
        if (certificate == null && privateKey == null && keystore == null) {
            return Optional.empty();
        }
        return Optional.of(new TlsSettings(certificate, privateKey, keystore,
                config.getString(TlsSettings.KEYSTORE_PASSWORD)));
    }

    private Path optionalPath(String key) {
        String value = config.getString(key).strip();
        return value.isEmpty() ? null : Path.of(value);
    }

    public AuthSettings auth() {
        return guard(() -> new AuthSettings(
                config.getString("zvonok.auth.token-secret"),
                config.getDuration("zvonok.auth.access-token-ttl"),
                config.getDuration("zvonok.auth.refresh-token-ttl"),
                config.getDuration("zvonok.auth.active-user-cache-ttl"),
                new LoginLimits(
                        config.getInt("zvonok.auth.login-limits.max-failures-per-login"),
                        config.getInt("zvonok.auth.login-limits.max-failures-per-address"),
                        config.getDuration("zvonok.auth.login-limits.first-delay"),
                        config.getDuration("zvonok.auth.login-limits.max-delay"),
                        config.getDuration("zvonok.auth.login-limits.forget-after"))));
    }

    /** How the statistics and the board's counters count: the call centre's days, service level, wrap-up cap. */
    public StatsSettings stats() {
        return guard(() -> new StatsSettings(
                ZoneId.of(config.getString("zvonok.http.time-zone")),
                timeOfDay("zvonok.stats.day-starts-at"),
                Math.toIntExact(config.getDuration("zvonok.stats.service-level").toSeconds()),
                Math.toIntExact(config.getDuration("zvonok.stats.short-abandon").toSeconds()),
                config.getDuration("zvonok.stats.wrap-up-cap")));
    }

    private LocalTime timeOfDay(String path) {
        String value = config.getString(path);
        try {
            return LocalTime.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidConfigException(path + ": \"" + value + "\" is not a time of day such as \"06:00\"");
        }
    }

    public ClickToCall.Settings originate() {
        return guard(() -> new ClickToCall.Settings(
                config.getString("zvonok.originate.channel"),
                config.getString("zvonok.originate.context"),
                config.getDuration("zvonok.originate.ring-timeout"),
                ClickToCall.NumberFormat.valueOf(
                        config.getString("zvonok.originate.number-format").toUpperCase(Locale.ROOT).replace('-', '_')),
                config.getDuration("zvonok.originate.report-patience")));
    }

    /** The reason codes an operator's break may have, in the order the app offers them. */
    public BreakReasons breakReasons() {
        return guard(() -> new BreakReasons(config.getStringList("zvonok.work-status.break-reasons")));
    }

    public PhoneNumbers phoneNumbers() {
        return guard(() -> new PhoneNumbers(config.getString("zvonok.phones.default-region"),
                config.getInt("zvonok.phones.max-extension-digits")));
    }

    public ExtensionPatternEndpoints operatorEndpoints() {
        return guard(() -> new ExtensionPatternEndpoints(config.getString("zvonok.phones.extension-pattern"),
                Set.copyOf(config.getStringList("zvonok.phones.device-technologies")),
                Set.copyOf(config.getStringList("zvonok.phones.trunks"))));
    }

    /** How queue members' interfaces name operators' extensions. */
    public MemberInterfaces queueMemberInterfaces() {
        return guard(() -> new MemberInterfaces(config.getStringList("zvonok.queues.member-interfaces")));
    }

    private List<AddressRange> ranges(String key) {
        try {
            return config.getStringList(key).stream().map(AddressRange::parse).toList();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    /** The raw tree, for settings read by their own packages. */
    public Config raw() {
        return config;
    }

    /** Files relative to the configuration are taken relative to the working directory, as users expect. */
    public Path path(String key) {
        return new File(config.getString(key)).toPath();
    }

    private static <T> T guard(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (ConfigException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new InvalidConfigException(e.getMessage());
        }
    }

    /** The configuration is unreadable or holds a bad value; the message says which. */
    public static final class InvalidConfigException extends RuntimeException {
        public InvalidConfigException(String message) {
            super(message);
        }
    }
}
