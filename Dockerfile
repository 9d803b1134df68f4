# syntax=docker/dockerfile:1

# Build with the Maven wrapper on a JDK: the same command as a developer's, the same Java release.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -q -DskipTests package \
 && java -Djarmode=tools -jar target/bpmsoft-emulator.jar extract --layers --launcher --destination /layers

# Run on a Temurin 25 JRE, as an unprivileged user, one layer per rate of change.
FROM eclipse-temurin:25-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system emulator \
 && useradd --system --gid emulator --home-dir /app --shell /usr/sbin/nologin emulator
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
# Stand configuration (dev and prod profiles) and seed files, read from ./config as Spring Boot does.
COPY config/ config/
RUN mkdir data && chown emulator:emulator data
USER emulator
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "org.springframework.boot.loader.launch.JarLauncher"]
