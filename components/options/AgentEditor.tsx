import { useEffect, useState } from 'react';
import { fieldErrors } from '@/lib/config/field-errors';
import { updateLocalSettings } from '@/lib/config/store';
import { type Agent, AgentSchema, describeZodError } from '@/lib/schema';
import { FieldError, fieldErrorId } from './FieldError';
import { describeAgent, LockableControls } from './OptionsParts';

/** The agent items are captured as, set by sign-in or typed (id, name, team) and validated. */
export function AgentEditor(props: { agent: Agent; isSet: boolean; locked: boolean; bySignIn: boolean }) {
  // Who signed in is who captures: nothing typed applies (lib/config/policy.ts:mergeConfig).
  if (props.bySignIn) return <p>Set by sign-in: captures are made as {describeAgent(props.agent)}.</p>;
  return <TypedAgentEditor {...props} />;
}

/** The typed agent: id, name and team, validated before saving. */
function TypedAgentEditor({ agent, isSet, locked }: { agent: Agent; isSet: boolean; locked: boolean }) {
  const [id, setId] = useState(isSet ? agent.id : '');
  const [name, setName] = useState(isSet ? agent.name : '');
  const [team, setTeam] = useState(isSet ? agent.team : '');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  // Follows changes made elsewhere (import, policy, another tab); after a save they are the same values.
  useEffect(() => {
    setId(isSet ? agent.id : '');
    setName(isSet ? agent.name : '');
    setTeam(isSet ? agent.team : '');
  }, [agent.id, agent.name, agent.team, isSet]);

  const errors = fieldErrors(error);
  const save = async () => {
    const parsed = AgentSchema.safeParse({ id: id.trim(), name: name.trim(), team: team.trim() });
    if (!parsed.success) {
      setMessage('');
      return setError(describeZodError(parsed.error));
    }
    setError(null);
    await updateLocalSettings((s) => ({ ...s, agent: parsed.data }));
    setMessage(`Saved: captures are now made as ${describeAgent(parsed.data)}.`);
  };

  return (
    <div>
      <p>{isSet ? describeAgent(agent) : `Not set: captures are made as ${describeAgent(agent)}.`}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <LockableControls locked={locked} id="agent-locked" label="Agent details">
          {(
            [
              ['id', 'Agent ID', id, setId],
              ['name', 'Agent name', name, setName],
              ['team', 'Team', team, setTeam],
            ] as const
          ).map(([field, label, value, change]) => (
            <div className="em-field" key={field}>
              <label>
                {label}{' '}
                <input
                  value={value}
                  onChange={(e) => change(e.target.value)}
                  autoComplete="off"
                  {...(errors[field]
                    ? { 'aria-invalid': true, 'aria-describedby': fieldErrorId('agent', field) }
                    : {})}
                />
              </label>
              <FieldError form="agent" field={field} errors={errors} />
            </div>
          ))}
          <button type="submit">Save agent</button>
        </LockableControls>
      </form>
      {error ? <p role="alert">Not saved: {error}</p> : null}
      <p role="status">{message}</p>
    </div>
  );
}
