import net from "node:net";

/** The suite needs a real Redis and a real PostgreSQL; say clearly which is missing and how to start it. */
export default async function setup(): Promise<void> {
  const redis = new URL(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  const postgres = new URL(process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test");
  const problems: string[] = [];
  if (!(await isListening(redis.hostname, Number(redis.port || 6379)))) {
    problems.push(
      `Redis không chạy tại ${redis.host}: redis-server --daemonize yes --save "" --appendonly no`,
    );
  }
  if (!(await isListening(postgres.hostname, Number(postgres.port || 5432)))) {
    problems.push(
      `PostgreSQL không chạy tại ${postgres.host}: ` +
        "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start",
    );
  }
  if (problems.length) throw new Error(`Thiếu dịch vụ cho bộ kiểm thử:\n  - ${problems.join("\n  - ")}`);
}

function isListening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(false));
    socket.once("connect", () => {
      socket.end();
      resolve(true);
    });
  });
}
