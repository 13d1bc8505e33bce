import { useState } from 'react';
import { useAsset, useTransport } from '../api';
import { basename } from '../components/format';
import { Modal } from '../components/Modal';
import { ProductPicker } from './ProductPicker';

interface LogoChoiceProps {
  logoHash: string | null;
  onChange(hash: string | null): void;
}

/** An optional library image placed on every variant as the logo (its cut-out, like the product's). */
export function LogoChoice({ logoHash, onChange }: LogoChoiceProps) {
  const transport = useTransport();
  const logo = useAsset(logoHash);
  const [picking, setPicking] = useState(false);
  return (
    <fieldset className="ads-fieldset">
      <legend>Logo</legend>
      <div className="inline-form">
        {logoHash ? (
          <>
            <img className="ads-logo-thumb" src={transport.mediaUrl('thumb', logoHash)} alt="" />
            <span data-testid="logo-name">
              {logo.data?.locations[0] ? basename(logo.data.locations[0].path) : 'Chosen logo'}
            </span>
            <button type="button" className="compact" onClick={() => onChange(null)}>
              Remove logo
            </button>
          </>
        ) : (
          <span className="muted small">None (optional).</span>
        )}
        <button type="button" className="compact" onClick={() => setPicking(true)}>
          {logoHash ? 'Change logo…' : 'Choose a logo…'}
        </button>
      </div>
      {picking && (
        <Modal title="Choose a logo from the library" onClose={() => setPicking(false)} testId="logo-dialog">
          <ProductPicker
            purpose="logo"
            selected={logoHash}
            onPick={(item) => {
              onChange(item.hash);
              setPicking(false);
            }}
          />
        </Modal>
      )}
    </fieldset>
  );
}
