import type { AiSettings, AvailableModel } from '../../shared/model';
import { useAvailableModels } from '../api';
import { AvailableModels } from './AvailableModels';
import { NumberSetting } from './NumberSetting';
import { TextSetting } from './TextSetting';

const MODEL_SUGGESTIONS = 'bedrock-model-ids';
const IMAGE_MODEL_SUGGESTIONS = 'bedrock-image-model-ids';

/** Models that paint: text in, image out (the ad studio's backgrounds). */
function canPaint(model: AvailableModel): boolean {
  return model.output.includes('IMAGE');
}

/** Models that can describe a picture: images in, text out (inference profiles do not say, so they count). */
function canDescribeImages(model: AvailableModel): boolean {
  return model.kind === 'inference-profile' || (model.input.includes('IMAGE') && model.output.includes('TEXT'));
}

function ModelWarning({ id, models }: { id: string | null; models: AvailableModel[] | undefined }) {
  const warning = id ? models?.find((m) => m.id === id)?.warning : null;
  if (!warning) return null;
  return (
    <p className="callout warning small" role="alert" data-testid="model-warning">
      <strong>{id}</strong>: {warning}
    </p>
  );
}

/** The first model, the one to escalate to and when, picked from what the account can use. */
export function ModelSettings({ settings }: { settings: AiSettings }) {
  const catalog = useAvailableModels(settings.analyzer === 'bedrock');
  const models = catalog.data?.models;
  const configured = [settings.attributesModel, settings.escalationModel, settings.imageModel];
  const relevant = models?.filter((m) => canDescribeImages(m) || configured.includes(m.id));
  return (
    <>
      <TextSetting
        settingKey="attributesModel"
        label="Attributes model"
        value={settings.attributesModel}
        list={MODEL_SUGGESTIONS}
        hint="Asked first for every image; a cheap vision model."
      />
      <ModelWarning id={settings.attributesModel} models={models} />
      <TextSetting
        settingKey="escalationModel"
        label="Escalation model"
        value={settings.escalationModel}
        list={MODEL_SUGGESTIONS}
        nullable
        placeholder="none: never escalate"
        hint="Asked when the first answer is invalid or less confident than the threshold. Leave empty to never escalate."
      />
      <ModelWarning id={settings.escalationModel} models={models} />
      <NumberSetting
        settingKey="escalationThreshold"
        label="Escalation threshold"
        value={settings.escalationThreshold}
        min={0}
        max={1}
        step={0.05}
        hint="Overall confidence from 0 to 1 below which the escalation model is asked."
      />
      <TextSetting
        settingKey="imageModel"
        label="Image model (ad studio)"
        value={settings.imageModel}
        list={IMAGE_MODEL_SUGGESTIONS}
        hint="Paints ad backgrounds around the product: Nova Canvas, Titan Image or a Stability model."
      />
      <ModelWarning id={settings.imageModel} models={models} />
      <TextSetting
        settingKey="videoOutputS3Uri"
        label="Video output in S3 (Nova Reel)"
        value={settings.videoOutputS3Uri}
        placeholder="s3://your-bucket/swatchbook-videos"
        hint={
          'Amazon Nova Reel writes the videos it makes to your own S3 bucket; the app reads them back from there. ' +
          'Your AWS credentials must be able to write and read it.'
        }
      />
      <datalist id={IMAGE_MODEL_SUGGESTIONS}>
        {models?.filter(canPaint).map((m) => (
          <option key={m.id} value={m.id}>
            {`${m.name}${m.lifecycle === 'LEGACY' ? ' (legacy)' : ''}`}
          </option>
        ))}
      </datalist>
      <datalist id={MODEL_SUGGESTIONS}>
        {relevant?.map((m) => (
          <option key={m.id} value={m.id}>
            {`${m.name}${m.lifecycle === 'LEGACY' ? ' (legacy)' : ''}`}
          </option>
        ))}
      </datalist>
      <AvailableModels settings={settings} catalog={catalog} relevant={relevant} />
    </>
  );
}
