# Confío on the official Payara Micro image. Build the WAR first (mvn package -DskipTests);
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

ENV MP_JWT_VERIFY_PUBLICKEY_LOCATION=file:///run/secrets/confio/jwt-public.pem \
    CONFIO_JWT_PRIVATE_KEY_LOCATION=/run/secrets/confio/jwt-private.pem

COPY --chown=payara:payara target/confio-activity.war ${DEPLOY_DIR}/confio-activity.war
# JSON logs (README, Observability): run with --logproperties /opt/payara/json-logging.properties
COPY --chown=payara:payara ops/logging/json.properties /opt/payara/json-logging.properties

EXPOSE 8080
