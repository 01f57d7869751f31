# Confío on the official Payara Micro image. Build the WAR first from a clean target
# (mvn clean package -DskipTests: an incremental build keeps the classes of a deleted source);
# no Docker engine runs on the development machines, so this file is kept deliberately plain.
#
#   docker build -t confio .
#   docker run -p 8080:8080 \
#     -e DB_URL=jdbc:postgresql://db.example:5432/confio -e DB_USER=confio -e DB_PASSWORD=... \
#     -e CONFIO_ADMIN_PASSWORD=... \
#     -v /path/to/keys:/run/secrets/confio:ro confio
#
# The key folder holds jwt-public.pem and jwt-private.pem (PKCS#8), shared by every member.
# CONFIO_ADMIN_PASSWORD creates the first dashboard account when there is none yet.
FROM payara/micro:6.2025.10-jdk17

# On SIGTERM the member goes on serving for 10 s, not ready, so that a load balancer moves its
# clients away and the requests in flight finish; then it leaves the data grid gracefully, handing
# its partitions over. Hazelcast's own shutdown hook is off: it would drop the member from the grid
# at the first moment of SIGTERM, abruptly. Settings are cached for an hour (Payara's default is a
# minute): nothing a member reads changes while it runs, and none is read from the data grid
# (README, Failure modes).
ENV MP_JWT_VERIFY_PUBLICKEY_LOCATION=file:///run/secrets/confio/jwt-public.pem \
    CONFIO_JWT_PRIVATE_KEY_LOCATION=/run/secrets/confio/jwt-private.pem \
    JDK_JAVA_OPTIONS="-Dfish.payara.shutdowngrace=10000 -Dhazelcast.shutdownhook.enabled=false -Dmp.config.cache.duration=3600"

COPY --chown=payara:payara target/confio-activity.war ${DEPLOY_DIR}/confio-activity.war
# JSON logs (README, Observability): run with --logproperties /opt/payara/json-logging.properties
COPY --chown=payara:payara ops/logging/json.properties /opt/payara/json-logging.properties

EXPOSE 8080
