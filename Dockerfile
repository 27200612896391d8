# Build: the same Maven build as `mvn -B verify`, tests skipped (CI runs them).
FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY routes routes
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17.0.16_8-jre
RUN useradd --system --uid 10001 leadexport && mkdir -p /app/exports /app/inbox /app/outbox \
    && chown -R leadexport /app
WORKDIR /app
COPY --from=build /src/target/lead-export-*.jar /app/lead-export.jar
USER leadexport
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/lead-export.jar"]
