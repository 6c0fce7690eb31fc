import dev.parity.core.ConfigKey;
import dev.parity.core.Container;
import dev.parity.core.Deviation;
import dev.parity.core.Environment;
import dev.parity.core.Mount;
import dev.parity.core.ParitySpec;
import dev.parity.core.Postgres;
import dev.parity.core.Restart;
import dev.parity.core.Stack;

/**
 * Imported by parity init from docker-compose.yml. Secret values are in deploy/local/.env (git-ignored),
 * never in this file.
 */
public final class Mattermost implements ParitySpec {

  @Override
  public Stack stack() {
    return Stack.named("mattermost")
        // TODO docker-compose.yml:4 service 'postgres': image 'postgres:13-alpine' has the floating tag
        // '13-alpine', which moves to newer releases; fix: declare the exact version the image runs, e.g.
        // Postgres.of("postgres", "13.<minor>"), or run parity init again with --pin
        // postgres:13-alpine=<exact reference>
        // Not expressible in the DSL: docker-compose.yml:4 service 'postgres' image: an image reference comes
        // from ${POSTGRES_IMAGE_TAG} of the .env file or the shell, and the DSL takes an image reference as a
        // literal, so the value is written here; keep it in step with .env, or change it here
        // Not expressible in the DSL: docker-compose.yml:6 service 'postgres' security_opt:
        // ["no-new-privileges:true"]: the DSL has no security_opt; dropped
        // Not expressible in the DSL: docker-compose.yml:8 service 'postgres' pids_limit: 100: the DSL has no
        // pids_limit; dropped
        // Not expressible in the DSL: docker-compose.yml:9 service 'postgres' read_only: true: the DSL has no
        // read_only; dropped
        // Not expressible in the DSL: docker-compose.yml:10 service 'postgres' tmpfs:
        // ["/tmp","/var/run/postgresql"]: the DSL has no tmpfs; dropped
        .service(Postgres.of("postgres", "13")
            .variant("alpine")
            // Not expressible in the DSL: docker-compose.yml:20 service 'postgres' user: a database user
            // comes from ${POSTGRES_USER} of the .env file or the shell, and the DSL takes a database user as
            // a literal, so the value is written here; keep it in step with .env, or change it here
            // Not expressible in the DSL: docker-compose.yml:22 service 'postgres' database: a database name
            // comes from ${POSTGRES_DB} of the .env file or the shell, and the DSL takes a database name as a
            // literal, so the value is written here; keep it in step with .env, or change it here
            .database("mattermost")
            .user("mmuser")
            .password("POSTGRES_PASSWORD")
            .options(o -> o.secretEnv("TZ", "TZ")
                // Not expressible in the DSL: docker-compose.yml:14 service 'postgres' volume
                // './volumes/db/var/lib/postgresql/data:/var/lib/postgresql/data': a volume's name or path
                // comes from ${POSTGRES_DATA_PATH} of the .env file or the shell, and the DSL takes a
                // volume's name or path as a literal, so the value is written here; keep it in step with
                // .env, or change it here
                .mount(Mount.bind("volumes/db/var/lib/postgresql/data", "/var/lib/postgresql/data"))
                .restart(Restart.UNLESS_STOPPED)))
        // Not expressible in the DSL: docker-compose.yml:27 service 'mattermost' image: an image reference
        // comes from ${MATTERMOST_IMAGE}, ${MATTERMOST_IMAGE_TAG} of the .env file or the shell, and the DSL
        // takes an image reference as a literal, so the value is written here; keep it in step with .env, or
        // change it here
        // Not expressible in the DSL: docker-compose.yml:29 service 'mattermost' security_opt:
        // ["no-new-privileges:true"]: the DSL has no security_opt; dropped
        // Not expressible in the DSL: docker-compose.yml:31 service 'mattermost' pids_limit: 200: the DSL has
        // no pids_limit; dropped
        // Not expressible in the DSL: docker-compose.yml:32 service 'mattermost' read_only: false: the DSL
        // has no read_only; dropped
        // Not expressible in the DSL: docker-compose.yml:33 service 'mattermost' tmpfs: ["/tmp"]: the DSL has
        // no tmpfs; dropped
        .service(Container.of("mattermost", "mattermost/mattermost-enterprise-edition:10.5.2")
            .dependsOn("postgres")
            .options(o -> o.secretEnv("TZ", "TZ")
                .secretEnv("MM_SQLSETTINGS_DRIVERNAME", "MM_SQLSETTINGS_DRIVERNAME")
                .secretEnv("MM_SQLSETTINGS_DATASOURCE", "MM_SQLSETTINGS_DATASOURCE")
                .secretEnv("MM_BLEVESETTINGS_INDEXDIR", "MM_BLEVESETTINGS_INDEXDIR")
                .secretEnv("MM_SERVICESETTINGS_SITEURL", "MM_SERVICESETTINGS_SITEURL")
                // Not expressible in the DSL: docker-compose.yml:36 service 'mattermost' volume
                // './volumes/app/mattermost/config:/mattermost/config:rw': a volume's name or path comes from
                // ${MATTERMOST_CONFIG_PATH} of the .env file or the shell, and the DSL takes a volume's name
                // or path as a literal, so the value is written here; keep it in step with .env, or change it
                // here
                .mount(Mount.bind("volumes/app/mattermost/config", "/mattermost/config"))
                // Not expressible in the DSL: docker-compose.yml:37 service 'mattermost' volume
                // './volumes/app/mattermost/data:/mattermost/data:rw': a volume's name or path comes from
                // ${MATTERMOST_DATA_PATH} of the .env file or the shell, and the DSL takes a volume's name or
                // path as a literal, so the value is written here; keep it in step with .env, or change it
                // here
                .mount(Mount.bind("volumes/app/mattermost/data", "/mattermost/data"))
                // Not expressible in the DSL: docker-compose.yml:38 service 'mattermost' volume
                // './volumes/app/mattermost/logs:/mattermost/logs:rw': a volume's name or path comes from
                // ${MATTERMOST_LOGS_PATH} of the .env file or the shell, and the DSL takes a volume's name or
                // path as a literal, so the value is written here; keep it in step with .env, or change it
                // here
                .mount(Mount.bind("volumes/app/mattermost/logs", "/mattermost/logs"))
                // Not expressible in the DSL: docker-compose.yml:39 service 'mattermost' volume
                // './volumes/app/mattermost/plugins:/mattermost/plugins:rw': a volume's name or path comes
                // from ${MATTERMOST_PLUGINS_PATH} of the .env file or the shell, and the DSL takes a volume's
                // name or path as a literal, so the value is written here; keep it in step with .env, or
                // change it here
                .mount(Mount.bind("volumes/app/mattermost/plugins", "/mattermost/plugins"))
                // Not expressible in the DSL: docker-compose.yml:40 service 'mattermost' volume
                // './volumes/app/mattermost/client/plugins:/mattermost/client/plugins:rw': a volume's name or
                // path comes from ${MATTERMOST_CLIENT_PLUGINS_PATH} of the .env file or the shell, and the
                // DSL takes a volume's name or path as a literal, so the value is written here; keep it in
                // step with .env, or change it here
                .mount(Mount.bind("volumes/app/mattermost/client/plugins", "/mattermost/client/plugins"))
                // Not expressible in the DSL: docker-compose.yml:41 service 'mattermost' volume
                // './volumes/app/mattermost/bleve-indexes:/mattermost/bleve-indexes:rw': a volume's name or
                // path comes from ${MATTERMOST_BLEVE_INDEXES_PATH} of the .env file or the shell, and the DSL
                // takes a volume's name or path as a literal, so the value is written here; keep it in step
                // with .env, or change it here
                .mount(Mount.bind("volumes/app/mattermost/bleve-indexes", "/mattermost/bleve-indexes"))
                .restart(Restart.UNLESS_STOPPED)))

        .config(ConfigKey.secret("POSTGRES_PASSWORD").describedAs("POSTGRES_PASSWORD of service 'postgres'"))
        .config(ConfigKey.secret("TZ").describedAs("TZ of service 'postgres'"))
        .config(ConfigKey.secret("MM_SQLSETTINGS_DRIVERNAME").describedAs("MM_SQLSETTINGS_DRIVERNAME of service 'mattermost'"))
        .config(ConfigKey.secret("MM_SQLSETTINGS_DATASOURCE").describedAs("MM_SQLSETTINGS_DATASOURCE of service 'mattermost'"))
        .config(ConfigKey.secret("MM_BLEVESETTINGS_INDEXDIR").describedAs("MM_BLEVESETTINGS_INDEXDIR of service 'mattermost'"))
        .config(ConfigKey.secret("MM_SERVICESETTINGS_SITEURL").describedAs("MM_SERVICESETTINGS_SITEURL of service 'mattermost'"))

        .environment(Environment.local())
        .deviation(Deviation.of("postgres").in("local")
            .differs("runs postgres:13-alpine")
            .because("the original runs the alpine variant of the official image"))
        .build();
  }
}
