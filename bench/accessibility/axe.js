const { chromium } = require('playwright-core');
const fs = require('fs');
const axe = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
  const ctx = await browser.newContext({ locale: 'fr-FR' });
  const page = await ctx.newPage();
  const base = process.env.BASE_URL || 'http://127.0.0.1:8000';
  const login = process.argv[2] === 'login';
  if (login) {
    await page.goto(base + '/accounts/login/');
    await page.fill('input[name=login]', 'demo-ngo@coexist.local');
    await page.fill('input[name=password]', 'coexist-demo-2026');
    await page.click('form button[type=submit] >> nth=-1');
  }
  const paths = login ? ['/compte/', '/annuaire/nouvelle-organisation/', '/annuaire/demo-puits-alliance/', '/annuaire/demo-puits-alliance/modifier/', '/annuaire/demo-puits-alliance/membres/', '/compte/supprimer/'] :
    ['/', '/annuaire/', '/annuaire/?q=eau&kind=ngo', '/annuaire/demo-puits-alliance/', '/mentions-legales/', '/confidentialite/', '/accessibilite/', '/accounts/login/', '/accounts/signup/', '/accounts/password/reset/'];
  for (const p of paths) {
    await page.goto(base + p);
    await page.addScriptTag({ content: axe });
    const r = await page.evaluate(async () => await axe.run(document, { runOnly: ['wcag2a','wcag2aa','wcag21a','wcag21aa','best-practice'] }));
    console.log(p, '->', page.url().replace(base,''), 'violations:', r.violations.length);
    for (const v of r.violations) console.log('  -', v.impact, v.id, v.help, '|', v.nodes.slice(0,2).map(n => n.target.join(' ')).join(' ; '));
  }
  await browser.close();
})();
