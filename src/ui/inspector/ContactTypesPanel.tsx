/**
 * The contact types of the flow: id (renaming it follows into mixes, per-type fields, route
 * conditions and scenarios), name, and attribute distributions (e.g. a refund amount).
 */
import type { ContactType, Model } from "../../model";
import type { FlowStore } from "../state/store";
import { SmallButton } from "./buttons";
import { DistributionEditor } from "./DistributionEditor";
import { IdInput, TextInput } from "./fields";
import { addContactType, checkNewName, freshName, removeContactType, renameContactTypeId, renameKey } from "./ops";

/** Contact types panel. */
export function ContactTypesPanel({ store, model, disabled }: { store: FlowStore; model: Model; disabled: boolean }) {
  return (
    <div className="insp-panel" data-testid="inspector-contactTypes">
      {model.contactTypes.length === 0 ? <p className="insp-hint">No contact types: every contact is alike.</p> : null}
      {model.contactTypes.map((type, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: position keeps the form mounted while its id is renamed
        <ContactTypeCard key={i} store={store} model={model} type={type} disabled={disabled} />
      ))}
      <SmallButton
        testId={`contactType-add`}
        disabled={disabled}
        onClick={() => store.edit("Add contact type", (d) => void addContactType(d))}
      >
        Add contact type
      </SmallButton>
    </div>
  );
}

// helpers

function ContactTypeCard({
  store,
  model,
  type,
  disabled,
}: {
  store: FlowStore;
  model: Model;
  type: ContactType;
  disabled: boolean;
}) {
  const edit = (label: string, field: string, recipe: (t: ContactType) => void) =>
    store.edit(
      label,
      (d) => {
        const t = d.contactTypes.find((x) => x.id === type.id);
        if (t) recipe(t as ContactType);
      },
      { coalesce: `type:${type.id}:${field}` },
    );
  const attributes = type.attributes ?? {};
  return (
    <div className="insp-card insp-card-body" data-testid={`inspector-contactType-${type.id}`}>
      <IdInput
        testId={`contactType-${type.id}-id`}
        value={type.id}
        taken={model.contactTypes.map((c) => c.id)}
        disabled={disabled}
        onCommit={(t) =>
          store.edit("Change contact type id", (d) => renameContactTypeId(d, type.id, t), {
            coalesce: `type-id:${type.id}`,
          })
        }
      />
      <TextInput
        label="Name"
        testId={`contactType-${type.id}-name`}
        value={type.name}
        disabled={disabled}
        onCommit={(t) =>
          edit("Rename contact type", "name", (x) => {
            x.name = t;
          })
        }
      />
      {Object.entries(attributes).map(([name, dist], a) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: position keeps the field mounted while its name is typed
        <div key={a} className="insp-item">
          <TextInput
            label="Attribute"
            testId={`contactType-${type.id}-attr${a}`}
            value={name}
            disabled={disabled}
            validate={(t) => checkNewName(t, Object.keys(attributes), name)}
            onCommit={(t) =>
              edit("Rename attribute", `attr${a}`, (x) => {
                x.attributes = renameKey(x.attributes ?? {}, name, t);
              })
            }
          />
          <DistributionEditor
            label={`Distribution of ${name}`}
            testId={`contactType-${type.id}-attr${a}-dist`}
            value={dist}
            disabled={disabled}
            onCommit={(v) =>
              edit("Change attribute", `attr-${name}-dist`, (x) => {
                x.attributes![name] = v;
              })
            }
          />
          <SmallButton
            disabled={disabled}
            onClick={() =>
              edit("Remove attribute", "attrs", (x) => {
                delete x.attributes?.[name];
                if (x.attributes && Object.keys(x.attributes).length === 0) delete x.attributes;
              })
            }
          >
            Remove attribute
          </SmallButton>
        </div>
      ))}
      <div className="insp-actions">
        <SmallButton
          testId={`contactType-${type.id}-attr-add`}
          disabled={disabled}
          onClick={() =>
            edit("Add attribute", "attrs", (x) => {
              x.attributes ??= {};
              x.attributes[freshName("amount", Object.keys(x.attributes))] = { dist: "lognormal", mean: 40, sd: 30 };
            })
          }
        >
          Add attribute
        </SmallButton>
        <button
          type="button"
          className="insp-small insp-danger"
          data-testid={`inspector-contactType-${type.id}-remove`}
          disabled={disabled}
          onClick={() => store.edit("Remove contact type", (d) => removeContactType(d, type.id))}
        >
          Remove type
        </button>
      </div>
    </div>
  );
}
