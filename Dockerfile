# syntax=docker/dockerfile:1
# statements: built in one stage (compilers for better-sqlite3's native addon, dev dependencies for
# tsc), run from a slim stage with production dependencies only, as the unprivileged `node` user.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary matches.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
# `npm ci` builds dist/ through the prepare script; then the dev dependencies go.
RUN npm ci && npm prune --omit=dev && npm cache clean --force

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    STATEMENTS_DB=/data/statements.db
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY config ./config
COPY samples ./samples
# The SQLite file lives on a volume (unused when DATABASE_URL names PostgreSQL).
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
# Ready means the store answers and every configured chat connection is up (see /healthz).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT ?? 3000}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM (docker stop) lets the deliveries in flight finish before the process exits.
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "bin/statements.js"]
CMD ["run"]
