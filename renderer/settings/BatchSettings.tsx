import type { AiSettings } from '../../shared/model';
import { useApiMutation } from '../api';
import { NumberSetting } from './NumberSetting';
import { TextSetting } from './TextSetting';

/** Where and how large runs go to Bedrock as batch jobs, at half the on-demand price. */
export function BatchSettings({ settings }: { settings: AiSettings }) {
  const check = useApiMutation('checkBatchSetup');
  return (
    <>
      <p className="muted small">
        Runs of at least the threshold go to Bedrock as a batch job: the images are written to your S3 bucket, Bedrock
        answers them within 24 hours at half the on-demand price, and the answers are read back and checked as any
        other. Records without a valid answer are sent on demand.
      </p>
      <TextSetting
        settingKey="batchS3Uri"
        label="Batch jobs in S3"
        value={settings.batchS3Uri}
        placeholder="s3://your-bucket/swatchbook-batch"
        hint="Each job gets a folder here with its input and Bedrock's output. Your AWS credentials must write and read it."
      />
      <TextSetting
        settingKey="batchRoleArn"
        label="Batch service role"
        value={settings.batchRoleArn}
        placeholder="arn:aws:iam::123456789012:role/BedrockBatchRole"
        hint="The IAM role Bedrock assumes to read the input and write the output in that bucket."
      />
      <NumberSetting
        settingKey="batchThreshold"
        label="Batch threshold"
        value={settings.batchThreshold}
        min={100}
        max={10_000_000}
        step={100}
        unit="images"
        hint="Runs with at least this many images to send are offered as a batch job (Bedrock needs 100 at least)."
      />
      <div className="connection-test">
        <button type="button" onClick={() => check.mutate({})} disabled={check.isPending} data-testid="batch-check">
          {check.isPending ? 'Checking…' : 'Check the bucket'}
        </button>
        {check.data && (
          <p className={`small ${check.data.ok ? 'success-text' : 'error-text'}`} data-testid="batch-check-result">
            {check.data.message}
          </p>
        )}
        {check.error && <p className="small error-text">{check.error.message}</p>}
      </div>
    </>
  );
}
