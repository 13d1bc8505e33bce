import { expect, it } from 'vitest';
import { localAnswerText, UNSURE_BELOW } from '../../../../renderer/labels/local-certainty';

it('says the local analyzer is unsure, with its confidence and the way forward, below the threshold', () => {
  expect(localAnswerText(0.42)).toEqual({
    text: 'The local analyzer is unsure (42%): if this label is wrong, change it above',
    unsure: true,
  });
  expect(localAnswerText(UNSURE_BELOW)).toEqual({ text: 'From the local analyzer', unsure: false });
  expect(localAnswerText(0.93).unsure).toBe(false);
  expect(localAnswerText(undefined).unsure).toBe(false);
});
