/**
 * One line of an Amazon Bedrock model-customization dataset in the "bedrock-conversation-2024"
 * format: optional system prompt, then alternating user and assistant turns; user turns carry
 * text and images referenced by S3 URI, assistant turns text only.
 */
import { z } from 'zod';

const Text = z.object({ text: z.string().min(1) }).strict();

const S3Image = z
  .object({
    image: z
      .object({
        format: z.enum(['jpeg', 'png', 'gif', 'webp']),
        source: z
          .object({
            s3Location: z
              .object({
                uri: z.string().regex(/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/\S+$/, 'an s3://bucket/key URI'),
                bucketOwner: z
                  .string()
                  .regex(/^\d{12}$/, 'a 12-digit AWS account id')
                  .optional(),
              })
              .strict(),
          })
          .strict(),
      })
      .strict(),
  })
  .strict();

const UserTurn = z.object({ role: z.literal('user'), content: z.array(z.union([Text, S3Image])).min(1) }).strict();
const AssistantTurn = z.object({ role: z.literal('assistant'), content: z.array(Text).min(1) }).strict();

/** Bedrock's limit on images in one record. */
const MAX_IMAGES = 20;

export const ConversationRecord = z
  .object({
    schemaVersion: z.literal('bedrock-conversation-2024'),
    system: z.array(Text).optional(),
    messages: z.array(z.union([UserTurn, AssistantTurn])).min(2),
  })
  .strict()
  .superRefine((record, ctx) => {
    record.messages.forEach((m, i) => {
      if (m.role !== (i % 2 === 0 ? 'user' : 'assistant'))
        ctx.addIssue({
          code: 'custom',
          path: ['messages', i, 'role'],
          message: 'turns must alternate, starting with user',
        });
    });
    if (record.messages.at(-1)?.role !== 'assistant')
      ctx.addIssue({ code: 'custom', path: ['messages'], message: 'the last turn must be the assistant' });
    const images = record.messages.flatMap((m) => m.content).filter((c) => 'image' in c).length;
    if (images > MAX_IMAGES)
      ctx.addIssue({ code: 'custom', path: ['messages'], message: `at most ${MAX_IMAGES} images per record` });
  });
export type ConversationRecord = z.infer<typeof ConversationRecord>;
