import { makeTestApp } from './test/support/app.js';
const app = await makeTestApp();
const qs = ['lam giay khai sinh cho con can gi','đăng ký kết hôn cần giấy tờ gì','thu tuc dang ky khai tu','chứng thực bản sao giấy tờ','xin giay xac nhan tinh trang hon nhan'];
async function time(label: string, n: number, f: (i: number) => Promise<unknown> | unknown) {
  for (let i = 0; i < 50; i++) await f(i + 1e6);
  const t = performance.now();
  for (let i = 0; i < n; i++) await f(i);
  console.log(label.padEnd(28), ((performance.now() - t) / n).toFixed(3), 'ms');
}
await time('search', 300, (i) => app.procedures.search(qs[i % 5], 4));
await time('select1', 300, () => app.db.$queryRawUnsafe('SELECT 1'));
await time('handle existing', 300, (i) => app.conversation.handle({ channel: 'telegram', userId: String(i % 100), text: qs[i % 5] }));
await app.close();
