# The image a sweep's Kubernetes Job runs (see README.md, "Sweeps"): Ferry built from this repository, with the
# files the simulation reads (sim/, workloads/, model/) under /opt/ferry, the pods' working folder.
#   docker build -t ferry:latest .
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline -Dmaven.test.skip=true
COPY src/main src/main
RUN mvn -B -q -Dmaven.test.skip=true package

FROM eclipse-temurin:17-jre
WORKDIR /opt/ferry
COPY --from=build /src/target/ferry.jar target/ferry.jar
COPY --from=build /src/target/lib target/lib
COPY bin bin
COPY model model
COPY workloads workloads
COPY sim sim
# the tests' small workloads and sweeps, so that a Job can be tried on a small sweep first
COPY src/test/resources/sim src/test/resources/sim
ENV CI=true
USER 65532
ENTRYPOINT ["bin/ferry"]
