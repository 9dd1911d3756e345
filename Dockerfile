# 在容器里运行 duban serve：工作簿、duban.env（邮件服务器、管理令牌、链接地址）和日志都放在挂载到 /data 的目录里。
# 构建：docker build -t duban .   冒烟测试：scripts/docker-smoke.sh   步骤见 docs/使用手册.md 2.2
FROM node:20-slim

WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# 只装运行所需的依赖（tsx 直接运行 TypeScript 源码），它们不需要安装脚本。
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY sheets-templates ./sheets-templates

# 本单位的文件：/data/duban.xlsx、/data/duban.env、/data/outbox/、/data/duban.log。宿主机上的目录须能被
# uid 1000（镜像里的 node 用户）写入：sudo chown -R 1000:1000 /srv/duban
VOLUME /data
USER node
EXPOSE 8787
HEALTHCHECK --interval=60s --timeout=5s \
  CMD node -e "fetch('http://127.0.0.1:8787/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"

# 任何 duban 命令都可在镜像里运行：docker run --rm -v /srv/duban:/data duban init --workbook /data/duban.xlsx …
ENTRYPOINT ["node", "bin/duban.js"]
# 启动服务（192.168.1.20 换成本服务器的局域网地址或单位内网域名；-p 改了外面的端口时，地址里也写那个端口）：
#   docker run -d --name duban --restart unless-stopped -p 8787:8787 -e DUBAN_PUBLIC_URL=http://192.168.1.20:8787 -v /srv/duban:/data duban
# 必须设置 DUBAN_PUBLIC_URL：容器里只看得到容器自己的地址（172.17.x.x），不设置时通知邮件里的链接各单位都打不开。
# 在 0.0.0.0 上服务还必须设置 DUBAN_ADMIN_TOKEN（写在 /data/duban.env 里，或用 -e）。
CMD ["serve", "--workbook", "/data/duban.xlsx", "--host", "0.0.0.0", "--port", "8787"]
