# duban serve in a container: the workbook, its duban.env (mail server, admin token) and the logs live on a volume
# mounted at /data. Build: docker build -t duban .   Smoke test: scripts/docker-smoke.sh   Guide: docs/使用手册.md
FROM node:20-slim

WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# Runtime dependencies only (tsx runs the TypeScript sources); no install scripts are needed for them.
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY sheets-templates ./sheets-templates

# The office's files: /data/duban.xlsx, /data/duban.env, /data/outbox/, /data/duban.log. The host folder must be
# writable by uid 1000 (the image's `node` user): sudo chown -R 1000:1000 /srv/duban
VOLUME /data
USER node
EXPOSE 8787
HEALTHCHECK --interval=60s --timeout=5s \
  CMD node -e "fetch('http://127.0.0.1:8787/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"

# Any duban command runs in the image: docker run --rm -v /srv/duban:/data duban init --workbook /data/duban.xlsx …
ENTRYPOINT ["node", "bin/duban.js"]
# Listening on 0.0.0.0 needs DUBAN_ADMIN_TOKEN (in /data/duban.env or -e).
CMD ["serve", "--workbook", "/data/duban.xlsx", "--host", "0.0.0.0", "--port", "8787"]
