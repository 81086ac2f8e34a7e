# Foodnet node image: the service (api module) on a plain class path. One image for every role:
# FOODNET_NODE_ROLES=api|worker|api,worker, FOODNET_DB_URL/USER/PASSWORD name the shared PostgreSQL (compose.yaml).
# Not built on the development machines (no container engine there); see api/README.md "Several nodes".

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
# the data module generates its jOOQ classes from an embedded PostgreSQL at build time (as in CI)
RUN ./mvnw -B -ntp -pl api -am package dependency:copy-dependencies -DskipTests \
        -DincludeScope=runtime -DoutputDirectory=target/lib

FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /app foodnet
WORKDIR /app
COPY --from=build /src/api/target/foodnet-api-0.1.0-SNAPSHOT.jar /app/foodnet-api.jar
COPY --from=build /src/api/target/lib /app/lib
USER foodnet
ENV FOODNET_NODE_ROLES=api,worker
EXPOSE 8080
ENTRYPOINT ["java", "-cp", "/app/foodnet-api.jar:/app/lib/*", "org.foodnet.api.FoodnetApplication"]
