import { expect, test } from "@playwright/test";

// public/ is served to anyone, before sign-in: robots.txt keeps a private study instance out of search
// engines, and the icons show on the sign-in page. Requests here carry no session cookie.

test("robots.txt is served without a session and disallows everything", async ({ request }) => {
  const res = await request.get("/robots.txt", { maxRedirects: 0 });
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^text\/plain/);
  expect(await res.text()).toMatch(/^User-agent: \*\nDisallow: \/\n/);
});

test("the icons are served without a session", async ({ request }) => {
  for (const [path, type] of [
    ["/favicon.ico", /^image\/(x-icon|vnd\.microsoft\.icon)/],
    ["/icon.svg", /^image\/svg\+xml/],
    ["/apple-touch-icon.png", /^image\/png/],
  ] as const) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(200);
    expect(res.headers()["content-type"], path).toMatch(type);
  }
});

test("a page without a session still goes to sign-in, which links the icons and asks not to be indexed", async ({
  request,
  page,
}) => {
  const res = await request.get("/studies", { maxRedirects: 0 });
  expect(res.status()).toBe(307);
  expect(res.headers().location).toMatch(/\/signin\?callbackUrl=%2Fstudies$/);

  await page.goto("/signin");
  await expect(page.locator('link[rel="icon"][href="/icon.svg"]')).toHaveCount(1);
  await expect(page.locator('link[rel="apple-touch-icon"][href="/apple-touch-icon.png"]')).toHaveCount(1);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex, nofollow");
});
