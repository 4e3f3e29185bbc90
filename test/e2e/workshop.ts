import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { getEdition, listStatements, recommendedCapabilities } from '../../src/core/assessment/index.js';
import { type E2e, openContext, screenshot, settled } from './support/e2eContext.js';

/** The squad the whole checkpoint is run for (not one the other suites expect to have none). */
const squad = 'product';

/** Waits until a page of the room shows a phase. */
async function inPhase(page: Page, title: string): Promise<void> {
  await page.getByRole('heading', { level: 2, name: title, exact: true }).waitFor({ timeout: 20_000 });
}

/** The card of one Quick Check question. */
const questionCard = (page: Page, title: string) =>
  page.getByRole('article', { name: new RegExp(`^\\d\\. ${title}$`) });

/** Answers one option of a question or a statement privately and waits until the server has it. */
async function answerIn(
  page: Page,
  group: string,
  option: string,
  card = page.locator('body'),
): Promise<void> {
  await page.getByRole('group', { name: group, exact: true }).getByLabel(option, { exact: true }).click();
  await expect
    .poll(() =>
      page.getByRole('group', { name: group, exact: true }).getByLabel(option, { exact: true }).isChecked(),
    )
    .toBe(true);
  await card
    .getByText(/your answer is in/)
    .first()
    .waitFor();
}

/**
 * A facilitator and three participants, each in their own browser, run a whole checkpoint from the
 * welcome to the summary and the survey; one participant reloads mid-vote and keeps their dots.
 */
export function workshopTests(e2e: () => E2e, seen: { checkpointId: string | null }) {
  it('runs a whole checkpoint live, from the welcome to the summary: a facilitator, three participants and a watcher, each in their own browser', async () => {
    const contexts: BrowserContext[] = [];
    const errors: string[] = [];
    const open = async () => {
      const context = await openContext(e2e());
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => errors.push(error.message));
      return page;
    };
    try {
      // The facilitator starts the checkpoint from the squad's page.
      const fay = await open();
      await fay.goto(`/squads/${squad}`);
      await settled(fay, squad);
      await fay.getByLabel('Your name in the room').fill('Fay');
      await fay.getByRole('button', { name: 'Start a checkpoint' }).click();
      await fay.getByRole('heading', { level: 1, name: `${squad}: DevOps Checkpoint` }).waitFor();
      await inPhase(fay, 'Welcome');
      const checkpointId = new URL(fay.url()).pathname.split('/')[2]!;
      seen.checkpointId = checkpointId;
      const joinUrl = new URL(await fay.getByLabel('Link to join (name only, no account)').inputValue());
      expect(joinUrl.pathname).toBe(`/checkpoints/${checkpointId}/join`);
      expect(joinUrl.hash).toMatch(/^#code=.+/);

      // Three people join by the link, with a name only.
      const names = ['Ann', 'Bob', 'Cat'] as const;
      const people: Page[] = [];
      for (const name of names) {
        const page = await open();
        await page.goto(joinUrl.pathname + joinUrl.hash);
        await settled(page, `Join ${squad}'s checkpoint`);
        await page.getByLabel('Your name').fill(name);
        await page.getByRole('button', { name: 'Join', exact: true }).click();
        await inPhase(page, 'Welcome');
        expect(await page.getByText(`You are ${name} (participant).`).count()).toBe(1);
        // Only the facilitator has the controls.
        expect(await page.getByRole('region', { name: 'Facilitator controls' }).count()).toBe(0);
        people.push(page);
      }
      const [ann, bob, cat] = people as [Page, Page, Page];
      const everyone = [fay, ...people];
      // Someone only watches: they see everything shared and can do nothing.
      const vic = await open();
      await vic.goto(joinUrl.pathname + joinUrl.hash);
      await vic.getByLabel('Your name').fill('Vic');
      await vic.getByLabel('Only watch').check();
      await vic.getByRole('button', { name: 'Join', exact: true }).click();
      await inPhase(vic, 'Welcome');
      expect(await vic.getByText('You are Vic (watching).').count()).toBe(1);
      await fay.getByRole('region', { name: 'People (5)' }).waitFor();
      expect(await vic.getByRole('button', { name: 'Raise my hand to agree' }).count()).toBe(0);

      // The facilitator's timer runs on every screen.
      await fay.getByLabel('Timer (minutes)').fill('10');
      await fay.getByRole('button', { name: 'Start the timer' }).click();
      for (const page of [...everyone, vic]) await page.getByText(/^\d+:\d\d$/).waitFor();
      await screenshot(fay, 'workshop-run-welcome', 'light');

      // Welcome: the facilitator adds a principle; everyone agrees by a show of hands.
      await fay.getByLabel('Another principle').fill('We start and finish on time.');
      await fay.getByRole('button', { name: 'Add', exact: true }).click();
      await ann.getByText('We start and finish on time.').waitFor();
      for (const page of everyone) await page.getByRole('button', { name: 'Raise my hand to agree' }).click();
      for (const page of everyone) await page.getByText('Everyone agrees.').waitFor();

      // Set the scene: the measured keys since the last checkpoint.
      await fay.getByRole('button', { name: 'Next: Set the scene →' }).click();
      for (const page of everyone) await inPhase(page, 'Set the scene');
      expect(await cat.getByRole('table', { name: /^Measured / }).count()).toBe(1);
      await screenshot(cat, 'workshop-run-scene', 'light');

      // A break after setting the scene: the checkpoint carries on where it was left.
      await fay.getByRole('button', { name: 'Pause after this phase' }).click();
      await ann.getByText('The checkpoint carries on at The four keys').waitFor();
      expect(await fay.getByRole('button', { name: /^Next/ }).isDisabled()).toBe(true);
      // The four keys: private answers, counts only until the reveal, one agreed answer each.
      await fay.getByRole('button', { name: 'Resume at The four keys' }).click();
      for (const page of everyone) await inPhase(page, 'The four keys');
      const edition = getEdition('2025');
      const agreed: Record<string, string> = {};
      for (const question of edition.questions) {
        const title = question.title;
        if (question.kind === 'option') {
          const picks = [question.options[3]!, question.options[4]!, question.options[4]!];
          await Promise.all(
            people.map((page, index) =>
              answerIn(
                page,
                `Your answer to ${title} (only you see it)`,
                picks[index]!.label,
                questionCard(page, title),
              ),
            ),
          );
          agreed[title] = question.options[4]!.label;
        } else {
          const picks = ['10', '20', '15'];
          await Promise.all(
            people.map(async (page, index) => {
              await questionCard(page, title)
                .getByLabel(`Your answer to ${title} (only you see it)`)
                .fill(picks[index]!);
              await questionCard(page, title).getByRole('button', { name: 'Send my answer' }).click();
              await questionCard(page, title)
                .getByText(/your answer is in/)
                .waitFor();
            }),
          );
          agreed[title] = '15%';
        }
        await questionCard(fay, title).getByText('3 of 4').waitFor();
        // Nobody sees a spread before the reveal.
        expect(await ann.getByRole('table', { name: `How the squad answered ${title}` }).count()).toBe(0);
        await fay.getByRole('button', { name: `Reveal the answers to ${title}` }).click();
        if (question.kind === 'option') {
          const spread = bob.getByRole('table', { name: `How the squad answered ${title}` });
          await spread.waitFor();
          expect(await spread.getByRole('row', { name: `${question.options[4]!.label} 2` }).count()).toBe(1);
          const agree = fay.getByLabel(`The squad's answer to ${title}`);
          await agree.selectOption({ label: question.options[4]!.label });
        } else {
          await questionCard(bob, title).getByText(`How the squad answered ${title}:`).waitFor();
          expect(await questionCard(bob, title).getByText('10%, 15%, 20%').count()).toBe(1);
          await fay.getByLabel(`The squad's answer to ${title}`).fill('15');
        }
        await questionCard(fay, title).getByRole('button', { name: 'Agree on it' }).click();
        await expect
          .poll(() => questionCard(cat, title).locator('.agreed-measured dd').first().textContent())
          .toBe(agreed[title]);
      }
      await cat.getByText(/Overall \d+\.\d of 10/).waitFor();
      await screenshot(cat, 'workshop-run-metrics', 'light');

      // Capabilities: every statement answered privately, revealed as spreads, then ranked.
      await fay.getByRole('button', { name: 'Next: Capabilities →' }).click();
      for (const page of everyone) await inPhase(page, 'Capabilities');
      const statements = recommendedCapabilities('2025', null).flatMap((slug, c) =>
        listStatements(slug).map((_, s) => `${c + 1}.${s + 1}`),
      );
      const likert = ['Agree', 'Disagree', 'Strongly agree'];
      await Promise.all(
        people.map(async (page, index) => {
          for (const number of statements) {
            await answerIn(page, `Your answer to statement ${number} (only you see it)`, likert[index]!);
          }
        }),
      );
      await fay.getByRole('button', { name: `Reveal every statement ready (${statements.length})` }).click();
      const ranking = ann.getByRole('table', { name: /^Capabilities, the one to work on first/ });
      await ranking.waitFor();
      expect(await ranking.getByText('· key focus').count()).toBe(1);
      await screenshot(ann, 'workshop-run-capabilities', 'light');

      // Path to production: people draw steps, links and sticky notes at the same time.
      await fay.getByRole('button', { name: 'Next: Path to production →' }).click();
      for (const page of everyone) await inPhase(page, 'Path to production');
      const addStep = async (
        page: Page,
        label: string,
        automated: boolean,
        wait: string,
        lane = 'Delivering a change',
      ) => {
        const form = page.getByRole('form', { name: 'Add a step' });
        await form.getByLabel('Step', { exact: true }).fill(label);
        await form.getByLabel('Path').selectOption({ label: lane });
        await form.getByLabel(automated ? 'automatically' : 'by hand').check();
        await form.getByLabel('Wait before it (minutes, optional)').fill(wait);
        await form.getByRole('button', { name: 'Add the step' }).click();
        await page
          .getByRole('table', { name: /^Steps/ })
          .getByRole('rowheader', { name: label, exact: true })
          .waitFor();
      };
      await Promise.all([
        addStep(ann, 'Write code', false, ''),
        addStep(bob, 'Roll back', false, '30', 'Recovering from a failure'),
      ]);
      await addStep(ann, 'Build and test', true, '10');
      await addStep(cat, 'Deploy to production', false, '120');
      const link = async (page: Page, from: string, to: string) => {
        await page.getByLabel('Link from', { exact: true }).selectOption({ label: from });
        await page.getByLabel('to', { exact: true }).selectOption({ label: to });
        await page.getByRole('button', { name: 'Link the steps' }).click();
        await page.getByText(`${from} → ${to}`).waitFor();
      };
      await link(bob, 'Write code', 'Build and test');
      await link(bob, 'Build and test', 'Deploy to production');
      const note = async (page: Page, step: string, kind: string, text: string) => {
        await page.getByLabel('Sticky note on').selectOption({ label: step });
        await page.getByLabel('Kind').selectOption({ label: kind });
        await page.getByLabel('Note', { exact: true }).fill(text);
        await page.getByRole('button', { name: 'Stick the note' }).click();
        await page
          .getByRole('table', { name: /^Steps/ })
          .getByText(text)
          .waitFor();
      };
      await note(cat, 'Deploy to production', 'Improvement', 'Deploy on every merge');
      await note(ann, 'Build and test', 'Improvement', 'Cache the dependencies');
      await note(
        bob,
        'Deploy to production',
        'Failed deployment',
        'Configuration drift between environments',
      );
      await note(bob, 'Roll back', 'Improvement', 'One-click rollback');
      // The canvas (loaded lazily) shows the steps to everyone, with their notes.
      await fay.locator('.react-flow__node').nth(3).waitFor();
      expect(await fay.locator('.react-flow__node').count()).toBe(4);
      await expect.poll(() => fay.locator('.react-flow__edge').count()).toBe(2);
      await fay.getByText('Here now:').waitFor();
      await screenshot(fay, 'workshop-run-path', 'light');

      // Vote: three dots each, at most two on one note, hidden until revealed; Bob reloads mid-vote.
      await fay.getByRole('button', { name: 'Next: Vote →' }).click();
      for (const page of everyone) await inPhase(page, 'Vote');
      const dot = (page: Page, text: string) => page.getByRole('button', { name: `Put a dot on ${text}` });
      const dotsOn = (page: Page, text: string) =>
        page.getByRole('row', { name: new RegExp(`^${text}`) }).locator('.dot-count');
      const cast = async (page: Page, text: string, expected: number) => {
        await dot(page, text).click();
        await expect.poll(() => dotsOn(page, text).textContent()).toBe(String(expected));
      };
      await cast(ann, 'Deploy on every merge', 1);
      await cast(ann, 'Deploy on every merge', 2);
      expect(await dot(ann, 'Deploy on every merge').isDisabled()).toBe(true);
      await cast(ann, 'Cache the dependencies', 1);
      await ann.getByText('You have 0 of 3 dots left').waitFor();
      await cast(bob, 'Deploy on every merge', 1);
      await cast(bob, 'One-click rollback', 1);
      await bob.reload();
      await inPhase(bob, 'Vote');
      await expect.poll(() => dotsOn(bob, 'Deploy on every merge').textContent()).toBe('1');
      expect(await dotsOn(bob, 'One-click rollback').textContent()).toBe('1');
      await bob.getByText('You have 1 of 3 dots left').waitFor();
      await cast(bob, 'Deploy on every merge', 2);
      await cast(cat, 'Deploy on every merge', 1);
      await cast(cat, 'Cache the dependencies', 1);
      await fay.getByText('8 dots cast so far').waitFor();
      // Until the reveal, nobody sees totals.
      expect(await cat.getByRole('columnheader', { name: 'Votes' }).count()).toBe(0);
      await fay.getByRole('button', { name: 'Reveal the votes' }).click();
      const totals = cat.getByRole('table', { name: 'Improvements by votes, most first' });
      await totals.waitFor();
      expect(await totals.getByRole('row').nth(1).getByRole('rowheader').textContent()).toBe(
        'Deploy on every merge',
      );
      await screenshot(cat, 'workshop-run-vote', 'light');
      expect(await vic.getByRole('button', { name: /^Put a dot on/ }).count()).toBe(0);
      expect(await vic.getByRole('table', { name: 'Improvements by votes, most first' }).count()).toBe(1);

      // Actions: the top improvements broken into actions with an owner and a date.
      await fay.getByRole('button', { name: 'Next: Actions →' }).click();
      for (const page of everyone) await inPhase(page, 'Actions');
      const addAction = async (page: Page, title: string, owner: string, due: string, from: string) => {
        const form = page.getByRole('form', { name: 'Add an action' });
        await form.getByLabel('Action', { exact: true }).fill(title);
        await form.getByLabel('Owner').fill(owner);
        await form.getByLabel('Due').fill(due);
        await form.getByLabel('Capability (optional)').selectOption({ label: 'Continuous integration' });
        await form.getByLabel('From the improvement (optional)').selectOption({ label: from });
        await form.getByRole('button', { name: 'Add the action' }).click();
        await page
          .getByRole('table', { name: 'Actions agreed' })
          .getByRole('rowheader', { name: new RegExp(`^${title}`) })
          .waitFor();
      };
      await addAction(
        ann,
        'Deploy each merge to main automatically',
        'Ann',
        '2027-01-15',
        'Deploy on every merge',
      );
      await addAction(fay, 'Cache npm in the pipeline', 'Bob', '2026-12-18', 'Cache the dependencies');
      await screenshot(fay, 'workshop-run-actions', 'light');

      // Summary: everything the squad found and agreed, shareable and exportable.
      await fay.getByRole('button', { name: 'Next: Summary →' }).click();
      for (const page of everyone) await inPhase(page, 'Summary');
      const answers = ann.getByRole('table', { name: 'Agreed answers, beside what the measurements said' });
      for (const [title, label] of Object.entries(agreed)) {
        expect(await answers.getByRole('row', { name: new RegExp(`^${title} ${label}`) }).count()).toBe(1);
      }
      expect(
        await ann
          .getByRole('table', { name: /^Capabilities, the one to work on first/ })
          .getByText('· key focus')
          .count(),
      ).toBe(1);
      const flow = ann.locator('.flow-outline').first();
      expect((await flow.textContent()) ?? '').toMatch(/Write code.*Build and test.*Deploy to production/);
      const top = ann.getByRole('table', { name: 'Improvements with most votes' });
      expect(
        await top.getByRole('row', { name: 'Deploy on every merge Deploy to production 5' }).count(),
      ).toBe(1);
      expect(
        await ann
          .getByRole('table', { name: 'What the squad will do' })
          .getByText('Cache npm in the pipeline')
          .count(),
      ).toBe(1);
      await screenshot(ann, 'workshop-run-summary', 'light');
      const [download] = await Promise.all([
        fay.waitForEvent('download'),
        fay.getByRole('link', { name: 'Export as Markdown' }).click(),
      ]);
      const markdown = readFileSync((await download.path())!, 'utf8');
      for (const text of [
        ...Object.values(agreed),
        'key focus',
        'Write code',
        'Build and test',
        'Deploy to production',
        'Roll back',
        'Deploy on every merge',
        '5 votes',
        'Deploy each merge to main automatically',
        'Cache npm in the pipeline',
        '2027-01-15',
      ]) {
        expect(markdown, text).toContain(text);
      }

      // The facilitator removes the watcher, whose page then says so.
      await fay.getByRole('button', { name: 'Remove Vic' }).click();
      await vic.getByText('the facilitator removed you from this checkpoint').waitFor();
      await fay.getByRole('region', { name: 'People (4)' }).waitFor();

      // Survey: anonymous answers, shown aggregated once the checkpoint is complete.
      await fay.getByRole('button', { name: 'Next: Survey →' }).click();
      for (const page of everyone) await inPhase(page, 'Survey');
      for (const [index, page] of people.entries()) {
        await page
          .getByRole('group', { name: 'Was this checkpoint worth your time?' })
          .getByLabel(String(3 + index), { exact: false })
          .check();
        await page
          .getByLabel('What should we keep for the next checkpoint?')
          .fill(`Keep ${names[index]}'s idea`);
        await page.getByRole('button', { name: 'Send my answers anonymously' }).click();
        await page.getByText('Thank you: your answers are in.').waitFor();
      }
      // The facilitator role passes to Ann and back: the controls follow it.
      await fay.getByRole('button', { name: 'Make Ann facilitator' }).click();
      await ann.getByRole('region', { name: 'Facilitator controls' }).waitFor();
      await expect.poll(() => fay.getByRole('region', { name: 'Facilitator controls' }).count()).toBe(0);
      await ann.getByRole('button', { name: 'Make Fay facilitator' }).click();
      await fay.getByRole('region', { name: 'Facilitator controls' }).waitFor();
      await fay.getByRole('button', { name: 'Complete the checkpoint' }).click();
      await cat.getByText('This checkpoint is complete.').waitFor();
      await cat.getByRole('table', { name: 'Ratings from 1 to 5' }).getByText('4', { exact: true }).waitFor();
      await screenshot(cat, 'workshop-run-survey', 'light');
      expect(errors).toEqual([]);
    } finally {
      for (const context of contexts) await context.close();
    }
  }, 300_000);

  it("lists the checkpoint in the squad's history, and tracks its actions to done", async () => {
    expect(seen.checkpointId).not.toBeNull();
    const context = await openContext(e2e());
    const page = await context.newPage();
    await page.goto(`/squads/${squad}`);
    await settled(page, squad);
    const history = page.getByRole('table', { name: 'Past checkpoints, newest first' });
    await history.waitFor();
    const row = history.getByRole('row').nth(1);
    expect(await row.textContent()).toMatch(/completed.*Fay.*Overall.*of 10.*0 of 2/);
    expect(
      await page
        .getByRole('table', { name: /^Agreed on / })
        .getByRole('row', { name: /^Change failure rate 15%/ })
        .count(),
    ).toBe(1);
    await page.getByLabel('Status of Cache npm in the pipeline').selectOption({ label: 'Done' });
    await expect.poll(() => row.textContent()).toMatch(/1 of 2/);
    await screenshot(page, 'workshop-squad-history', 'light');
    await page
      .getByRole('link', { name: /^\d+ \w+ \d{4}$/ })
      .first()
      .click();
    await settled(page, `${squad}: checkpoint summary`);
    expect(await page.getByRole('table', { name: 'Improvements with most votes' }).count()).toBe(1);
    await context.close();
  });
}
