// search.test.js: drives Debian's chromium, headless, through the site
// `amigen -T html` wrote: opens index.html over file://, types a name in
// the search box, follows the first result and checks the page it lands
// on; saves screenshots; fails on any script error or any request that
// is not a local file (the site must fetch nothing).
// usage: node search.test.js SITE_DIR OUT_DIR [QUERY]
// env: CHROMIUM, the browser to run (default /usr/bin/chromium).
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { chromium } = require('playwright-core');

const FLAGS = [
	'--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
	'--disable-background-networking', '--disable-component-update',
	'--disable-sync',
];

let passed = 0;
let failed = 0;

function check(ok, what, detail) {
	if (ok) {
		passed++;
		console.log(`ok   ${what}`);
	} else {
		failed++;
		console.log(`FAIL ${what}${detail === undefined ? '' : `: ${detail}`}`);
	}
}

// Runs the scenario on one page; problems collects script errors and
// requests that left the site.
async function scenario(page, site, out, query, problems) {
	await page.goto(pathToFileURL(path.join(site, 'index.html')).href);
	check(await page.locator('h1').textContent() === 'AMI reference',
	      'index.html loads');

	await page.locator('#search').click();
	await page.keyboard.type(query, { delay: 15 });
	const first = page.locator('#results li a').first();
	await first.waitFor();
	const firstText = await first.textContent();
	check(firstText.startsWith(query), `typing "${query}" lists it first`,
	      firstText);
	await page.screenshot({ path: path.join(out, 'search.png') });

	await first.click();
	await page.waitForURL(/\/actions\/[^/]+\.html$/);
	const h1 = await page.locator('h1').textContent();
	const title = await page.title();
	check(h1 === query && title.startsWith(`${query} (action)`),
	      `the first result opens the ${query} action page`,
	      `h1 "${h1}", title "${title}"`);
	check(/\/actions\/[^/]+\.html$/.test(page.url()), 'its URL is actions/',
	      page.url());
	await page.screenshot({ path: path.join(out, 'action.png'), fullPage: true });
	check(problems.length === 0, 'no script errors, no requests off the site',
	      problems.join('; '));
}

async function main() {
	const [site, out, query = 'Originate'] = process.argv.slice(2);
	if (!site || !out) {
		console.error('usage: node search.test.js SITE_DIR OUT_DIR [QUERY]');
		process.exit(2);
	}
	fs.mkdirSync(out, { recursive: true });
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'amidict-chromium-'));
	const problems = [];
	let context;
	try {
		context = await chromium.launchPersistentContext(profile, {
			executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
			headless: true,
			args: FLAGS,
			viewport: { width: 1100, height: 700 },
		});
		context.setDefaultTimeout(15000);
		await context.route('**/*', (route) => {
			const url = route.request().url();
			if (url.startsWith('file:'))
				return route.continue();
			problems.push(`request ${url}`);
			return route.abort();
		});
		const page = context.pages()[0] || await context.newPage();
		page.on('pageerror', (e) => problems.push(`script error ${e.message}`));
		await scenario(page, path.resolve(site), path.resolve(out), query,
		               problems);
	} catch (e) {
		check(false, 'the scenario runs', e.message.split('\n')[0]);
	} finally {
		if (context)
			await context.close();
		fs.rmSync(profile, { recursive: true, force: true });
	}
	console.log(`browser: ${passed} passed, ${failed} failed`);
	process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

main();
