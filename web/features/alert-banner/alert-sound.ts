/** The two tones of the alert, in hertz, and how long each sounds. */
const TONES_HZ = [880, 660] as const;
const TONE_S = 0.16;
const GAP_S = 0.04;
const PEAK_GAIN = 0.25;

type AudioContextClass = typeof AudioContext;

let context: AudioContext | null = null;

function audioContextClass(): AudioContextClass | undefined {
  if (typeof window === 'undefined') return undefined;
  const prefixed = (window as Window & { webkitAudioContext?: AudioContextClass })
    .webkitAudioContext;
  return window.AudioContext ?? prefixed;
}

/** One tone with a short attack and release, so it does not click. */
function scheduleTone(audio: AudioContext, hz: number, start: number): void {
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.type = 'sine';
  oscillator.frequency.value = hz;
  gain.gain.setValueAtTime(0, start);
  gain.gain.linearRampToValueAtTime(PEAK_GAIN, start + 0.02);
  gain.gain.setValueAtTime(PEAK_GAIN, start + TONE_S - 0.03);
  gain.gain.linearRampToValueAtTime(0, start + TONE_S);
  oscillator.connect(gain).connect(audio.destination);
  oscillator.start(start);
  oscillator.stop(start + TONE_S);
}

/**
 * A short high-low beep for a new alert, synthesised with WebAudio (no audio files). Does
 * nothing where WebAudio is missing or the browser refuses to play (no user gesture yet);
 * returns whether the tone was scheduled.
 */
export function playAlertTone(): boolean {
  const AudioContextCtor = audioContextClass();
  if (!AudioContextCtor) return false;
  try {
    context ??= new AudioContextCtor();
    const audio = context;
    if (audio.state === 'suspended') audio.resume().catch(() => undefined);
    const start = audio.currentTime + 0.01;
    TONES_HZ.forEach((hz, i) => scheduleTone(audio, hz, start + i * (TONE_S + GAP_S)));
    return true;
  } catch {
    return false;
  }
}
